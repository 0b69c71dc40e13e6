import { messageTools } from './message-tools.js';
import { peopleTools } from './people-tools.js';
import { teamTools } from './team-tools.js';

/** guMCP's 15 teams tools: teams and channels, chats and messages, members and meetings. */
export const tools = { ...teamTools, ...messageTools, ...peopleTools };
