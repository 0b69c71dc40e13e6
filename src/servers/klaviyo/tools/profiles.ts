import { z } from 'zod';
import { adds, overwrites, reads } from '../../../core/annotations.js';
import { ToolError } from '../../../core/errors.js';
import {
  cursor,
  defined,
  filter,
  flat,
  includeFields,
  klaviyoId,
  limit,
  listQuery,
  nextCursor,
  PROFILES_READ,
  PROFILES_WRITE,
  page,
  resource,
  type ToolMaker,
  type ToolTable,
} from './common.js';

/** Klaviyo's largest page of profiles. */
const PROFILE_PAGE = 100;

const text = (describe: string) => z.string().max(1000).describe(describe);
const coordinate = (describe: string) =>
  z
    .union([
      z.number(),
      z
        .string()
        .trim()
        .regex(/^-?\d+(\.\d+)?$/, 'must be a number'),
    ])
    .describe(describe);

/** The profile fields guMCP took, by argument name (each is a Klaviyo attribute of the same name). */
const identity = {
  email: z.string().trim().email().describe("Individual's email address"),
  phone_number: z
    .string()
    .trim()
    .regex(/^\+[1-9]\d{4,14}$/, 'must be in E.164 format, e.g. +15005550006')
    .describe("Individual's phone number in E.164 format"),
  external_id: text('A unique identifier that ties the profile to one in another system'),
  first_name: text("Individual's first name"),
  last_name: text("Individual's last name"),
  organization: text('Company or organization the individual works for'),
  locale: text('Locale of the profile, as an IETF BCP 47 language tag (e.g. en-US)'),
  title: text("Individual's job title"),
  image: z.string().trim().url().describe('URL of a profile image'),
};

const location = {
  address1: text('First line of street address'),
  address2: text('Second line of street address'),
  city: text('City name'),
  country: text('Country name'),
  latitude: coordinate('Latitude (four decimal places recommended)'),
  longitude: coordinate('Longitude (four decimal places recommended)'),
  region: text('Region within a country, such as state or province'),
  zip: text('Zip or postal code'),
  timezone: text('Time zone name from the IANA database (e.g. America/New_York)'),
  ip: z.union([z.ipv4(), z.ipv6()]).describe('IP address'),
};

const properties = z
  .record(z.string(), z.unknown())
  .describe('Custom properties of the profile, by name (values of any JSON type)');

const LOCATION_KEYS = Object.keys(location) as (keyof typeof location)[];
const IDENTITY_KEYS = Object.keys(identity) as (keyof typeof identity)[];

type ProfileArgs = Partial<Record<keyof typeof identity | keyof typeof location, unknown>> & {
  properties?: Record<string, unknown> | null | undefined;
};

/** Klaviyo's profile attributes from the tool's arguments: the address ones go under `location`. */
function attributesOf(args: ProfileArgs): Record<string, unknown> {
  const pick = (keys: readonly string[]) =>
    defined(Object.fromEntries(keys.map((k) => [k, (args as Record<string, unknown>)[k]])));
  const place = pick(LOCATION_KEYS);
  return {
    ...pick(IDENTITY_KEYS),
    ...(Object.keys(place).length ? { location: place } : {}),
    ...(args.properties !== undefined ? { properties: args.properties } : {}),
  };
}

const nullable = <T extends Record<string, z.ZodType>>(shape: T) =>
  Object.fromEntries(
    Object.entries(shape).map(([k, v]) => [
      k,
      v.nullable().optional().describe(`${v.description} (null clears it)`),
    ]),
  ) as { [K in keyof T]: z.ZodOptional<z.ZodNullable<T[K]>> };

const optional = <T extends Record<string, z.ZodType>>(shape: T) =>
  Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof T]: z.ZodOptional<T[K]>;
  };

const who = (p: Record<string, unknown>) =>
  [p.email, p.phone_number, p.external_id].find((v) => typeof v === 'string' && v) as string | undefined;

const profileOutput = z.object({ profile: resource, message: z.string() });

export function profileTools(klaviyoTool: ToolMaker): ToolTable {
  return {
    create_profile: klaviyoTool({
      description:
        'Create a Klaviyo profile. Give at least one of email, phone_number or external_id; when a profile with ' +
        'one of them exists, nothing is created and its id is given (use update_profile). Creating a profile ' +
        'does not subscribe it to marketing.',
      input: z.object({
        ...optional(identity),
        ...optional(location),
        properties: properties.optional(),
      }),
      output: profileOutput,
      annotations: adds,
      scopes: [PROFILES_WRITE],
      async run(args, klaviyo) {
        if (!args.email && !args.phone_number && !args.external_id) {
          throw new ToolError(
            'Invalid arguments: give email, phone_number or external_id to identify the profile',
          );
        }
        const { data } = await klaviyo.createProfile(attributesOf(args));
        const profile = flat(data);
        return {
          profile,
          message: `Created Klaviyo profile ${data.id} for ${who(profile) ?? who(args) ?? data.id}.`,
        };
      },
    }),

    get_profiles: klaviyoTool({
      description: 'List Klaviyo profiles, optionally filtered (e.g. equals(email,"ada@example.com")).',
      input: z.object({
        filter: filter(`equals(email,'ada@example.com') or greater-than(created,2025-01-01T00:00:00Z)`),
        include_fields: includeFields('profile'),
        limit: limit('profiles', PROFILE_PAGE),
        cursor,
      }),
      output: z.object({ profiles: z.array(resource), next_cursor: nextCursor }),
      annotations: reads,
      scopes: [PROFILES_READ],
      async run(args, klaviyo) {
        const query = listQuery('profile', args, Math.min(args.limit, PROFILE_PAGE));
        return page('profiles', await klaviyo.profiles(query, args.limit));
      },
    }),

    get_profile: klaviyoTool({
      description: 'Get one Klaviyo profile by id.',
      input: z.object({ profile_id: klaviyoId('profile'), include_fields: includeFields('profile') }),
      output: z.object({ profile: resource }),
      annotations: reads,
      scopes: [PROFILES_READ],
      async run({ profile_id, include_fields }, klaviyo) {
        const { data } = await klaviyo.profile(profile_id, listQuery('profile', { include_fields }));
        return { profile: flat(data) };
      },
    }),

    update_profile: klaviyoTool({
      description:
        'Update a Klaviyo profile: the fields given are set (null clears one), the others stay as they are. ' +
        'properties are merged into the existing custom properties.',
      input: z.object({
        profile_id: klaviyoId('profile'),
        ...nullable(identity),
        ...nullable(location),
        properties: properties.nullable().optional(),
      }),
      output: profileOutput,
      annotations: overwrites,
      scopes: [PROFILES_WRITE],
      async run({ profile_id, ...args }, klaviyo) {
        const attributes = attributesOf(args);
        const changed = [
          ...Object.keys(attributes).filter((k) => k !== 'location'),
          ...Object.keys((attributes.location as object | undefined) ?? {}),
        ];
        if (!changed.length) throw new ToolError('Invalid arguments: give at least one field to change');
        const { data } = await klaviyo.updateProfile(profile_id, attributes);
        return {
          profile: flat(data),
          message: `Updated ${changed.join(', ')} of Klaviyo profile ${profile_id}.`,
        };
      },
    }),
  };
}
