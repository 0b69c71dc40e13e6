import { ToolError } from '../../core/errors.js';
import type { Team } from './api.js';

/**
 * get_teams' `filter`. Graph's joinedTeams takes no query options (it fills only id, displayName,
 * description, isArchived and tenantId), so the server applies the filter itself: the OData forms
 * that make sense on those fields, joined by `and`, or plain text looked for in name and description.
 */
export const FILTER_FORMS =
  "displayName eq 'X', startswith(displayName,'X'), contains(description,'X'), endswith(…), isArchived eq true, joined by and; or plain text";

type Test = (team: Team) => boolean;

const CLAUSE =
  /^\s*(?:(startswith|endswith|contains)\(\s*(displayName|description)\s*,\s*'((?:[^']|'')*)'\s*\)|(displayName|description)\s+(eq|ne)\s+'((?:[^']|'')*)'|isArchived\s+(eq|ne)\s+(true|false))\s*(?:and\b|$)/i;

const text = (team: Team, field: string) =>
  String((field.toLowerCase() === 'description' ? team.description : team.displayName) ?? '').toLowerCase();
const literal = (quoted: string) => quoted.replace(/''/g, "'").toLowerCase();

function clause(m: RegExpExecArray): Test {
  const [, fn, fnField = '', fnValue = '', field = '', op = '', value = '', archivedOp, archived] = m;
  if (fn) {
    const wanted = literal(fnValue);
    const f = fn.toLowerCase();
    return (t) =>
      f === 'startswith'
        ? text(t, fnField).startsWith(wanted)
        : f === 'endswith'
          ? text(t, fnField).endsWith(wanted)
          : text(t, fnField).includes(wanted);
  }
  if (field) {
    const wanted = literal(value);
    const eq = op.toLowerCase() === 'eq';
    return (t) => (text(t, field) === wanted) === eq;
  }
  const flag = archived?.toLowerCase() === 'true';
  const eq = archivedOp?.toLowerCase() === 'eq';
  return (t) => (Boolean(t.isArchived) === flag) === eq;
}

/** A predicate for `filter`, or a tool error naming the argument and the forms it takes. */
export function teamFilter(filter: string): Test {
  const tests: Test[] = [];
  let rest = filter.trim();
  while (rest) {
    const m = CLAUSE.exec(rest);
    if (!m) break;
    tests.push(clause(m));
    rest = rest.slice(m[0].length).trim();
  }
  if (!rest && tests.length) return (team) => tests.every((t) => t(team));
  // Not OData at all: a word or phrase to look for.
  if (!/['()]|\s(eq|ne|and|or)\s/i.test(filter)) {
    const wanted = filter.trim().toLowerCase();
    return (team) => text(team, 'displayName').includes(wanted) || text(team, 'description').includes(wanted);
  }
  throw new ToolError(`filter: "${filter}" is not a filter this tool understands; use ${FILTER_FORMS}`);
}
