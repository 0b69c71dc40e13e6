import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentEntry, contentFile, fileCommit, repo } from './fake-github.js';
import { assertGitHubHeaders, data, describe, failure, onlyRequest, query, setup } from './harness.js';

const README = '# Hello\n\nÜnïcödé text, long enough to span several base64 lines of sixty characters.\n';

test('get_contents returns a file as decoded text', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /repos/octocat/hello/contents/docs/README.md', {
    body: contentFile('octocat', 'hello', 'docs/README.md', README),
  });
  const out = data(
    await call('get_contents', {
      owner: 'octocat',
      repo_name: 'hello',
      path: 'docs/README.md',
      branch: 'dev',
    }),
  );
  const req = onlyRequest(fake);
  assert.equal(req.method, 'GET');
  assert.deepEqual(query(req), { ref: 'dev' });
  assert.equal(out.type, 'file');
  assert.equal(out.encoding, 'utf-8');
  assert.equal(out.content, README);
  assert.equal(out.name, 'README.md');
  assert.equal(out.size, Buffer.byteLength(README));
  assert.equal(out.download_url, 'https://raw.githubusercontent.com/octocat/hello/main/docs/README.md');
});

test('get_contents keeps a binary file as base64 and says so', async (t) => {
  const { fake, call } = await setup(t);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]);
  fake.route('GET /repos/octocat/hello/contents/logo.png', {
    body: contentFile('octocat', 'hello', 'logo.png', png),
  });
  const out = data(await call('get_contents', { owner: 'octocat', repo_name: 'hello', path: 'logo.png' }));
  assert.deepEqual(query(onlyRequest(fake)), {});
  assert.equal(out.encoding, 'base64');
  assert.equal(out.content, png.toString('base64'));
});

test('get_contents of a file over 1 MB says the content is left out', async (t) => {
  const { fake, call } = await setup(t);
  const big = {
    ...contentFile('octocat', 'hello', 'big.bin', ''),
    encoding: 'none',
    content: '',
    size: 5_000_000,
  };
  fake.route('GET /repos/octocat/hello/contents/big.bin', { body: big });
  const out = data(await call('get_contents', { owner: 'octocat', repo_name: 'hello', path: 'big.bin' }));
  assert.equal(out.encoding, 'none');
  assert.equal(out.content, null);
  assert.equal(out.size, 5_000_000);
});

test('get_contents lists a directory', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /repos/octocat/hello/contents/src', {
    body: [
      contentEntry('octocat', 'hello', 'src/index.ts', 'file', 120),
      contentEntry('octocat', 'hello', 'src/lib', 'dir'),
    ],
  });
  const out = data(await call('get_contents', { owner: 'octocat', repo_name: 'hello', path: 'src' }));
  onlyRequest(fake);
  assert.deepEqual(out, {
    type: 'dir',
    path: 'src',
    entries: [
      { type: 'file', name: 'index.ts', path: 'src/index.ts', sha: 'sha-src/index.ts', size: 120 },
      { type: 'dir', name: 'lib', path: 'src/lib', sha: 'sha-src/lib', size: 0 },
    ],
  });
});

test('get_contents recursive lists the subtree from the default branch tree', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /repos/octocat/hello/contents/src', {
    body: [contentEntry('octocat', 'hello', 'src/lib', 'dir')],
  });
  fake.route('GET /repos/octocat/hello', { body: repo('octocat', 'hello', { default_branch: 'trunk' }) });
  fake.route('GET /repos/octocat/hello/git/trees/trunk', {
    body: {
      sha: 'tree1',
      url: 'https://api.github.com/repos/octocat/hello/git/trees/tree1',
      truncated: false,
      tree: [
        { path: 'README.md', mode: '100644', type: 'blob', sha: 'a', size: 30, url: 'u' },
        { path: 'src', mode: '040000', type: 'tree', sha: 'b', url: 'u' },
        { path: 'src/lib', mode: '040000', type: 'tree', sha: 'c', url: 'u' },
        { path: 'src/lib/util.ts', mode: '100644', type: 'blob', sha: 'd', size: 64, url: 'u' },
        { path: 'src/vendor', mode: '160000', type: 'commit', sha: 'e', url: 'u' },
      ],
    },
  });
  const out = data(
    await call('get_contents', { owner: 'octocat', repo_name: 'hello', path: 'src/', recursive: true }),
  );
  assert.deepEqual(
    fake.requests.map((r) => `${r.method} ${r.path}?${r.query}`),
    [
      'GET /repos/octocat/hello/contents/src?',
      'GET /repos/octocat/hello?',
      'GET /repos/octocat/hello/git/trees/trunk?recursive=1',
    ],
  );
  for (const req of fake.requests) assertGitHubHeaders(req);
  assert.deepEqual(out, {
    type: 'dir',
    path: 'src',
    truncated: false,
    entries: [
      { type: 'dir', name: 'lib', path: 'src/lib', sha: 'c', size: null },
      { type: 'file', name: 'util.ts', path: 'src/lib/util.ts', sha: 'd', size: 64 },
      { type: 'submodule', name: 'vendor', path: 'src/vendor', sha: 'e', size: null },
    ],
  });
});

test('get_contents refuses paths with .. segments', async (t) => {
  const { fake, call } = await setup(t);
  const message = failure(
    await call('get_contents', { owner: 'o', repo_name: 'r', path: 'a/../../../user' }),
  );
  assert.match(message, /path: must not contain/);
  assert.equal(fake.requests.length, 0);
});

test('add_file_to_repository PUTs base64 content with message, branch, sha and committer', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('PUT /repos/octocat/hello/contents/notes/today.md', {
    status: 201,
    body: fileCommit('octocat', 'hello', 'notes/today.md', 'Add notes'),
  });
  const out = data(
    await call('add_file_to_repository', {
      owner: 'octocat',
      repo_name: 'hello',
      path: 'notes/today.md',
      content: 'héllo\n',
      branch: 'main',
      commit_message: 'Add notes',
      sha: 'oldsha',
      committer_name: 'Mona',
      committer_email: 'mona@example.com',
    }),
  );
  const req = onlyRequest(fake);
  assert.equal(req.method, 'PUT');
  assert.deepEqual(req.body, {
    message: 'Add notes',
    content: Buffer.from('héllo\n').toString('base64'),
    branch: 'main',
    sha: 'oldsha',
    committer: { name: 'Mona', email: 'mona@example.com' },
  });
  assert.deepEqual(out, {
    path: 'notes/today.md',
    sha: '95b966ae1c166bd92f8ae7d1c313e738c731dfc3',
    html_url: 'https://github.com/octocat/hello/blob/main/notes/today.md',
    commit: {
      sha: '7638417db6d59f3c431d3e1f261cc637155684cd',
      html_url: 'https://github.com/octocat/hello/git/commit/7638417db6d59f3c431d3e1f261cc637155684cd',
      message: 'Add notes',
    },
  });
});

test('add_file_to_repository wants committer name and email together', async (t) => {
  const { fake, call } = await setup(t);
  const args = {
    owner: 'o',
    repo_name: 'r',
    path: 'a.txt',
    content: 'x',
    branch: 'main',
    commit_message: 'm',
  };
  const message = failure(await call('add_file_to_repository', { ...args, committer_name: 'Mona' }));
  assert.match(message, /committer_name and committer_email together/);
  assert.equal(fake.requests.length, 0, describe(fake.requests));
});
