import type { Resource } from '@modelcontextprotocol/server';
import { JSON_MIME, jsonContents } from '../../core/contents.js';
import type { ResourceTemplateDef } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { type ApiFactory, PAGE_SIZE } from './api.js';
import { toContents, toRepo } from './shapes.js';

/** guMCP's URI layout: accounts (the user and their organizations) and the repositories under them. */
const accountUri = (login: string) => `github://organization/${encodeURIComponent(login)}`;
const repoUri = (owner: string, repo: string) =>
  `${accountUri(owner)}/repository/${encodeURIComponent(repo)}`;

/** Resource cursors are GitHub page numbers. */
function page(cursor: string | undefined): number {
  if (cursor === undefined) return 1;
  const n = Number(cursor);
  if (!Number.isInteger(n) || n < 1) throw new ToolError(`Invalid cursor: ${cursor}`);
  return n;
}

const next = (n: number, got: number) => (got === PAGE_SIZE ? { nextCursor: String(n + 1) } : {});

export function githubResources(connect: ApiFactory): ResourceTemplateDef[] {
  return [
    {
      uriTemplate: 'github://organization/{org_name}',
      name: 'accounts',
      title: 'GitHub accounts',
      description: "The user's own account and the organizations they belong to",
      mimeType: JSON_MIME,
      async list(ctx, cursor) {
        const gh = connect(ctx, 'read:org');
        const n = page(cursor);
        const [me, orgs] = await Promise.all([n === 1 ? gh.getMe() : undefined, gh.listMyOrgsPage(n)]);
        const resources: Resource[] = orgs.map((o) => ({
          uri: accountUri(o.login),
          name: o.login,
          description: o.description || 'GitHub organization',
          mimeType: JSON_MIME,
        }));
        if (me) {
          const personal = {
            uri: accountUri(me.login),
            name: me.login,
            description: 'Personal GitHub account',
          };
          resources.unshift({ ...personal, mimeType: JSON_MIME });
        }
        return { resources, ...next(n, orgs.length) };
      },
      async read(uri, { org_name = '' }, ctx) {
        const gh = connect(ctx, 'read:org');
        const login = decodeURIComponent(org_name);
        const account = await gh.getAccount(login);
        const isOrg = account.type === 'Organization';
        const org = isOrg ? await gh.getOrg(login) : undefined;
        return jsonContents(uri, {
          type: isOrg ? 'organization' : 'user',
          login: account.login,
          name: account.name ?? null,
          description: org?.description ?? account.bio ?? null,
          html_url: account.html_url,
          avatar_url: account.avatar_url,
          company: account.company ?? null,
          blog: account.blog ?? null,
          location: account.location ?? null,
          email: account.email ?? null,
          public_repos: account.public_repos ?? null,
          followers: account.followers ?? null,
          following: account.following ?? null,
        });
      },
    },
    {
      uriTemplate: 'github://organization/{org_name}/repository/{repo_name}',
      name: 'repositories',
      title: 'GitHub repositories',
      description: 'Repositories the user owns, collaborates on or reaches through an organization',
      mimeType: JSON_MIME,
      async list(ctx, cursor) {
        const n = page(cursor);
        const repos = await connect(ctx, 'repo').listMyReposPage(n);
        const resources: Resource[] = repos.map((r) => ({
          uri: repoUri(r.owner.login, r.name),
          name: r.full_name,
          description: r.description || `Repository ${r.full_name}`,
          mimeType: JSON_MIME,
        }));
        return { resources, ...next(n, repos.length) };
      },
      async read(uri, { org_name = '', repo_name = '' }, ctx) {
        const gh = connect(ctx, 'repo');
        const [owner, repo] = [decodeURIComponent(org_name), decodeURIComponent(repo_name)];
        const [details, readme, languages, contributors] = await Promise.all([
          gh.getRepo(owner, repo),
          gh.getReadme(owner, repo),
          gh.listLanguages(owner, repo),
          gh.listContributors(owner, repo, 10),
        ]);
        return jsonContents(uri, {
          ...toRepo(details),
          readme: readme ? (toContents(readme.path, readme).content ?? null) : null,
          languages,
          contributors: contributors.map((c) => ({
            login: c.login ?? null,
            contributions: c.contributions,
            html_url: c.html_url ?? null,
          })),
        });
      },
    },
  ];
}
