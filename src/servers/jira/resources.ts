import type { Resource } from '@modelcontextprotocol/server';
import { JSON_MIME, jsonContents } from '../../core/contents.js';
import type { ResourceDef } from '../../core/definition.js';
import { describeSite } from '../../providers/atlassian/index.js';
import { type ApiFactory, type ClientTuning, jiraSites } from './api.js';
import { toProject } from './shapes.js';

/** Projects shown when a site is read. */
export const SITE_PROJECTS = 50;

const siteUri = (id: string) => `jira://site/${encodeURIComponent(id)}`;

/**
 * jira://site/{site_id}: the Jira sites the user's grant reaches (a handful, so one page). Reading one
 * gives the site and its first projects.
 */
export function jiraResources(connect: ApiFactory, tuning: ClientTuning = {}): ResourceDef[] {
  return [
    {
      uriTemplate: 'jira://site/{site_id}',
      name: 'site',
      title: 'Jira sites',
      description: 'A Jira Cloud site the account reaches, with its projects',
      mimeType: JSON_MIME,
      async list(ctx) {
        const sites = await jiraSites(ctx, tuning);
        const resources: Resource[] = sites.map((s) => ({
          uri: siteUri(s.id),
          name: s.name,
          description: `Jira site ${describeSite(s)}`,
          mimeType: JSON_MIME,
        }));
        return { resources };
      },
      async read(uri, { site_id = '' }, ctx) {
        const jira = await connect(ctx, ['read:jira-work'], { cloudId: decodeURIComponent(site_id) });
        const { projects, more } = await jira.listProjects(SITE_PROJECTS);
        return jsonContents(uri, {
          site: jira.site,
          projects: projects.map((p) => toProject(p, jira.browseUrl(p.key))),
          more_projects: more,
        });
      },
    },
  ];
}
