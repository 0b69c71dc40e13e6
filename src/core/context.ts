import type {
  CreateMessageRequest,
  CreateMessageResult,
  ElicitRequestFormParams,
  ElicitResult,
  LoggingLevel,
} from '@modelcontextprotocol/server';
import type { Logger } from 'pino';

/** A user's private key-value space for one server. Values are JSON. */
export interface UserStore {
  get<T = unknown>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<boolean>;
  /** Keys in lexical order. */
  keys(): Promise<string[]>;
}

/** Whatever a service needs to authenticate a call: an access token, an API key, ... */
export type Credentials = Record<string, unknown>;

/** What a server factory knows about the session it serves. Built once per session. */
export interface SessionContext {
  readonly serverId: string;
  readonly userId: string;
  readonly store: UserStore;
  /** The user's credentials for this server, ready to use (refreshed if needed). */
  credentials(): Promise<Credentials>;
  readonly log: Logger;
  /**
   * How this user signs in to the service again, when it is not the local `gumcp auth` command:
   * over a remote host, its connect link ("Connect slack at https://host/connect/slack?user_id=alice").
   */
  signInAdvice?(): string;
}

/** What a tool handler receives besides its arguments: the session plus this call's hooks. */
export interface ToolContext extends SessionContext {
  /** Aborted when the client cancels the call or disconnects. */
  readonly signal: AbortSignal;
  /** Reports progress to the client when it asked for it; a no-op otherwise. */
  progress(progress: number, total?: number, message?: string): Promise<void>;
  /** Sends a log message to the client (MCP logging), honouring its log level. */
  notify(level: LoggingLevel, data: unknown): Promise<void>;
  /** Asks the user for structured input through the client. */
  elicit(params: ElicitRequestFormParams): Promise<ElicitResult>;
  /** Asks the client's model for a completion. */
  sample(params: CreateMessageRequest['params']): Promise<CreateMessageResult>;
  /**
   * Ends the HTTP stream carrying this call's response; the client reconnects and gets the result from
   * the resumable event stream (SEP-1699), so a long call need not hold a connection open. A no-op where
   * the transport cannot resume a stream (stdio, in-memory, a host without an event store).
   */
  closeStream(): void;
}
