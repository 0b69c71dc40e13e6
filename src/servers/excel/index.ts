import { defineServer } from '../../core/definition.js';
import { microsoftOAuth } from '../../providers/microsoft/oauth.js';
import { SCOPES } from './api.js';
import { workbookResource } from './resources.js';
import { tableTools } from './table-tools.js';
import { sheetTools } from './tools.js';

/** Excel workbooks in OneDrive through Microsoft Graph v1.0's workbook API. */
export default defineServer({
  id: 'excel',
  name: 'Excel',
  description:
    'Create, find and read Excel workbooks in OneDrive; read and write cells, rows and formulas; create and fill tables (Microsoft Graph).',
  auth: { kind: 'oauth2', provider: microsoftOAuth('excel'), scopes: SCOPES },
  tools: { ...sheetTools, ...tableTools },
  resources: [workbookResource],
});
