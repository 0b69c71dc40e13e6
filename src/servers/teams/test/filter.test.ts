import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Team } from '../api.js';
import { teamFilter } from '../filter.js';

const teams: Team[] = [
  { id: '1', displayName: 'Engineering', description: 'Builds things', isArchived: false },
  { id: '2', displayName: 'Eng Ops', description: "O'Brien's on-call team", isArchived: true },
  { id: '3', displayName: 'Sales', description: 'Sells things', isArchived: false },
];
const ids = (filter: string) =>
  teams
    .filter(teamFilter(filter))
    .map((t) => t.id)
    .join(',');

test('the OData forms on the fields joinedTeams fills are applied, case-insensitively, joined by and', () => {
  assert.equal(ids("displayName eq 'sales'"), '3');
  assert.equal(ids("displayName ne 'Sales'"), '1,2');
  assert.equal(ids("startswith(displayName,'Eng')"), '1,2');
  assert.equal(ids("contains(description, 'things') and isArchived eq false"), '1,3');
  assert.equal(ids("endswith(displayName,'ops')"), '2');
  assert.equal(ids("contains(description,'O''Brien')"), '2');
  assert.equal(ids('isArchived eq true'), '2');
});

test('plain text is looked for in names and descriptions', () => {
  assert.equal(ids('things'), '1,3');
  assert.equal(ids('on-call'), '2');
});

test('an OData filter it cannot apply is refused, naming the argument and the forms it takes', () => {
  assert.throws(
    () => teamFilter("visibility eq 'public'"),
    /^ToolError: filter: "visibility eq 'public'" is not a filter this tool understands; use displayName eq 'X'/,
  );
  assert.throws(() => teamFilter("displayName eq 'A' or displayName eq 'B'"), /^ToolError: filter: /);
});
