/**
 * The parts of Dropbox API v2's JSON (the stone specification, github.com/dropbox/dropbox-api-spec:
 * files.stone, users.stone) that this server reads.
 */

/** files.Metadata: a union of file, folder and deleted entries, told apart by `.tag`. */
export interface DropboxMetadata {
  '.tag'?: 'file' | 'folder' | 'deleted';
  name: string;
  id?: string;
  path_lower?: string | null;
  path_display?: string | null;
  /** Files only. */
  client_modified?: string;
  server_modified?: string;
  rev?: string;
  size?: number;
  content_hash?: string;
  is_downloadable?: boolean;
}

export interface ListFolderResult {
  entries: DropboxMetadata[];
  cursor: string;
  has_more: boolean;
}

/** files.SearchMatchV2: `metadata` is MetadataV2, a union whose one member wraps a Metadata. */
export interface SearchV2Result {
  matches: { metadata: { '.tag': string; metadata?: DropboxMetadata } }[];
  has_more: boolean;
  cursor?: string | null;
}

/** users.FullAccount. */
export interface DropboxAccount {
  account_id: string;
  name: {
    given_name: string;
    surname: string;
    familiar_name: string;
    display_name: string;
    abbreviated_name: string;
  };
  email: string;
  email_verified: boolean;
  profile_photo_url?: string;
  disabled: boolean;
  country?: string;
  locale: string;
  referral_link: string;
  is_paired: boolean;
  account_type: { '.tag': string };
  team?: { id: string; name: string } | null;
}
