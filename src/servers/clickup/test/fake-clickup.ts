/**
 * Bodies in the shapes ClickUp's API v2 reference documents (its OpenAPI examples), for the fake to
 * answer with. Errors follow ClickUp's `{ err, ECODE }`.
 */

export const user = {
  id: 123,
  username: 'John Doe',
  email: 'user@company.com',
  color: '#000000',
  profilePicture: 'https://clickup.com/avatar.jpg',
  initials: 'JD',
  week_start_day: 0,
  global_font_support: false,
  timezone: 'America/Los_Angeles',
};

export const team = {
  id: '1234',
  name: 'My ClickUp Workspace',
  color: '#000000',
  avatar: 'https://clickup.com/avatar.jpg',
  members: [
    {
      user: {
        id: 123,
        username: 'John Doe',
        color: '#000000',
        profilePicture: 'https://clickup.com/avatar.jpg',
      },
    },
  ],
};

export const space = {
  id: '790',
  name: 'Updated Space Name',
  private: false,
  color: null,
  archived: false,
  statuses: [
    { status: 'to do', type: 'open', orderindex: 0, color: '#d3d3d3' },
    { status: 'complete', type: 'closed', orderindex: 1, color: '#6bc950' },
  ],
  multiple_assignees: false,
  features: { due_dates: { enabled: false }, time_tracking: { enabled: false }, tags: { enabled: false } },
};

export const list = {
  id: '124',
  name: 'New List Name',
  orderindex: 1,
  content: 'New List Content',
  status: { status: 'red', color: '#e50000', hide_label: true },
  priority: { priority: 'urgent', color: '#f50000' },
  assignee: { id: 183, color: '#827718', username: 'Jerry', initials: 'J', profilePicture: null },
  task_count: null,
  due_date: '1567780450202',
  due_date_time: false,
  start_date: null,
  start_date_time: null,
  folder: { id: '456', name: 'Folder Name', hidden: false, access: true },
  space: { id: '789', name: 'Space Name', access: true },
  statuses: [{ status: 'to do', orderindex: 0, color: '#d3d3d3', type: 'open' }],
  inbound_address: 'add.task.1389.ac725f.31518a6a-05bb-4997-92a6-1dcfe2f527ca@tasks.clickup.com',
};

export const folder = {
  id: '457',
  name: 'New Folder Name',
  orderindex: 0,
  override_statuses: false,
  hidden: false,
  space: { id: '789', name: 'Space Name', access: true },
  task_count: '0',
  lists: [],
};

export function task(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    custom_id: null,
    name: `Task ${id}`,
    text_content: 'New Task Content',
    description: 'New Task Content',
    status: { status: 'in progress', color: '#d3d3d3', orderindex: 1, type: 'custom' },
    orderindex: '1.00000000000000000000000000000000',
    date_created: '1567780450202',
    date_updated: '1567780450202',
    date_closed: null,
    date_done: null,
    creator: { id: 183, username: 'John Doe', color: '#827718', profilePicture: null },
    assignees: [],
    watchers: [],
    checklists: [],
    tags: [{ name: 'tag name 1', tag_fg: '#000000', tag_bg: '#000000' }],
    parent: null,
    priority: { color: '#f8ae00', id: '2', orderindex: '2', priority: 'high' },
    due_date: null,
    start_date: null,
    points: 3,
    time_estimate: null,
    archived: false,
    list: { id: '123' },
    folder: { id: '456' },
    space: { id: '789' },
    url: `https://app.clickup.com/t/${id}`,
    ...extra,
  };
}

// Error bodies, as ClickUp sends them.

export const tokenInvalid = { err: 'Token invalid', ECODE: 'OAUTH_025' };
export const tokenNotFound = { err: 'Oauth token not found', ECODE: 'OAUTH_019' };
export const teamNotAuthorized = { err: 'Team not authorized', ECODE: 'OAUTH_027' };
export const taskNotFound = { err: 'Task not found, deleted', ECODE: 'ITEM_013' };
export const rateLimited = { err: 'Rate limit reached', ECODE: 'APP_002' };
export const serverError = { err: 'Internal server error', ECODE: 'SHARD_001' };
