// Turns the results of one run into the tables `npm run bench` prints, with gumcp's figures as
// ratios to the two references (gumcp / reference).

const fixed = (v, digits = 0) => (Number.isFinite(v) ? v.toFixed(digits) : '-');
const ratio = (ours, theirs) => (Number.isFinite(ours / theirs) ? `${(ours / theirs).toFixed(2)}x` : '-');

function table(title, header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => String(r[c]).length)));
  const line = (r) => r.map((cell, c) => String(cell).padStart(widths[c])).join('  ');
  return [`\n${title}`, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join(
    '\n',
  );
}

/** Finds the reference row that matches a gumcp row on the given keys. */
const match = (rows, row, keys) => rows.find((r) => keys.every((k) => r[k] === row[k]));

export function printReport(results) {
  const byName = Object.fromEntries(results.targets.map((t) => [t.target, t]));
  const { gumcp, bare, sdk } = byName;
  const out = [];

  const throughputRows = [];
  for (const t of results.targets) {
    for (const r of t.throughput) {
      const vs = (ref, field) =>
        t === gumcp ? ratio(r[field], match(ref.throughput, r, ['protocol', 'inFlight'])?.[field]) : '';
      throughputRows.push([
        t.target,
        r.protocol,
        r.inFlight,
        fixed(r.rps),
        fixed(r.p50, 2),
        fixed(r.p90, 2),
        fixed(r.p99, 2),
        fixed(r.cpuUsPerRequest, 1),
        r.errors,
        vs(bare, 'rps'),
        vs(sdk, 'rps'),
        vs(bare, 'cpuUsPerRequest'),
        vs(sdk, 'cpuUsPerRequest'),
      ]);
    }
  }
  out.push(
    table(
      'tools/call throughput (one connection or session; latency in ms; server CPU per request in µs)',
      [
        'target',
        'protocol',
        'in flight',
        'req/s',
        'p50',
        'p90',
        'p99',
        'cpu/req',
        'errors',
        'rps/bare',
        'rps/sdk',
        'cpu/bare',
        'cpu/sdk',
      ],
      throughputRows,
    ),
  );

  const sessionRows = [];
  for (const t of results.targets) {
    for (const r of t.sessions) {
      const vs = (ref, field) =>
        t === gumcp ? ratio(r[field], match(ref.sessions, r, ['protocol', 'sessions'])?.[field]) : '';
      sessionRows.push([
        t.target,
        r.protocol,
        r.sessions,
        r.failures,
        fixed(r.openMs / 1000, 2),
        fixed(r.msPerSession, 3),
        fixed(r.rssBeforeMiB, 1),
        fixed(r.rssOpenMiB, 1),
        fixed(r.kibPerSession, 1),
        fixed(r.rssAfterCloseMiB, 1),
        vs(bare, 'openMs'),
        vs(sdk, 'openMs'),
        vs(bare, 'kibPerSession'),
        vs(sdk, 'kibPerSession'),
      ]);
    }
  }
  out.push(
    table(
      'concurrent sessions, each holding its event stream (RSS of the server in MiB)',
      [
        'target',
        'protocol',
        'sessions',
        'failed',
        'open s',
        'ms/session',
        'rss before',
        'rss open',
        'KiB/session',
        'rss closed',
        'open/bare',
        'open/sdk',
        'KiB/bare',
        'KiB/sdk',
      ],
      sessionRows,
    ),
  );

  out.push(
    table(
      'gumcp on one session: server RSS growth and CPU per request',
      [
        'protocol',
        'requests',
        'seconds',
        'req/s',
        'rss start',
        'rss end',
        'MiB/100k req',
        'cpu µs/req',
        'errors',
      ],
      (gumcp?.soak ?? []).map((r) => [
        r.protocol,
        r.requests,
        fixed(r.seconds, 1),
        fixed(r.rps),
        fixed(r.rssStartMiB, 1),
        fixed(r.rssEndMiB, 1),
        fixed(r.rssGrowthMiBPer100k, 1),
        fixed(r.cpuUsPerRequest, 1),
        r.errors,
      ]),
    ),
  );

  const f = results.floor;
  const stateless = gumcp?.throughput.find((r) => r.protocol === 'streamable-2026' && r.inFlight === 32);
  const bareStateless = bare?.throughput.find((r) => r.protocol === 'streamable-2026' && r.inFlight === 32);
  out.push(
    table(
      `SDK floor, in process, no HTTP: CPU µs per stateless tools/call, ${f.calls} calls, 32 in flight`,
      [
        'web Request+Response only',
        'SDK handler + McpServer echo',
        'SDK handler + gumcp server',
        'SDK work alone (less web objects)',
        'bare over HTTP',
        'gumcp over HTTP',
      ],
      [
        [
          fixed(f.cpu.webObjectsUs, 1),
          fixed(f.cpu.sdkHandlerUs, 1),
          fixed(f.cpu.gumcpServerInSdkHandlerUs, 1),
          fixed(f.cpu.gumcpServerInSdkHandlerUs - f.cpu.webObjectsUs, 1),
          fixed(bareStateless?.cpuUsPerRequest, 1),
          fixed(stateless?.cpuUsPerRequest, 1),
        ],
      ],
    ),
  );
  out.push(
    table(
      `SDK floor, in process: live heap KiB per 2025 session as it is set up, ${f.sessions} sessions kept`,
      ['SDK Server', 'gumcp server', '+ transport', '+ initialized', '+ held event stream'],
      [
        [
          fixed(f.heapKiB.sdkServer, 1),
          fixed(f.heapKiB.gumcpServer, 1),
          fixed(f.heapKiB.connectedToTransport, 1),
          fixed(f.heapKiB.initialized, 1),
          fixed(f.heapKiB.withEventStream, 1),
        ],
      ],
    ),
  );

  const c = results.coldStart;
  out.push(
    table(
      `stdio cold start of \`gumcp run\`, median of ${c.runs} spawns each (ms); node -e '' ${fixed(c.nodeBaselineMs, 1)} ms, gumcp idle RSS ${fixed(gumcp?.rssIdleMiB, 1)} MiB`,
      ['started', 'to initialize reply', 'to tools/list reply', 'initialize / node', 'tools'],
      c.variants.map((v) => [
        v.name,
        fixed(v.initializeMs, 1),
        fixed(v.toolsListMs, 1),
        ratio(v.initializeMs, c.nodeBaselineMs),
        c.tools,
      ]),
    ),
  );
  out.push(
    `\n${results.cores} cores, node ${results.node}, pinned: ${results.pinned}, ${fixed(results.seconds)} s`,
  );
  process.stdout.write(`${out.join('\n')}\n\n`);
}
