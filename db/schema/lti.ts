import { index, integer, jsonb, pgEnum, pgTable, primaryKey, real, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { JWK } from 'jose';
import { courses, users } from './people';
import { assignmentItems } from './assignments';

/** An LMS registered with this tool (one issuer + client id). Disabled platforms cannot launch or receive scores. */
export const ltiPlatforms = pgTable(
  'lti_platforms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    authUrl: text('auth_url').notNull(),
    tokenUrl: text('token_url').notNull(),
    jwksUrl: text('jwks_url').notNull(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    lastLaunchAt: timestamp('last_launch_at', { withTimezone: true }),
    // Shown on the staff page; never contains a token (messages are ours, not the platform's payload).
    lastError: text('last_error'),
    lastErrorAt: timestamp('last_error_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('lti_platforms_issuer_client').on(t.issuer, t.clientId)],
);

export const ltiDeployments = pgTable(
  'lti_deployments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: 'cascade' }),
    deploymentId: text('deployment_id').notNull(),
    name: text('name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('lti_deployments_platform_deployment').on(t.platformId, t.deploymentId)],
);

/**
 * The tool's own RSA keys, generated into the database on first use (never in the repository).
 * Rotation: a new key is published in the JWKS from created_at and signs only from signs_from.
 */
export const ltiToolKeys = pgTable('lti_tool_keys', {
  kid: text('kid').primaryKey(),
  publicJwk: jsonb('public_jwk').$type<JWK>().notNull(),
  privateJwk: jsonb('private_jwk').$type<JWK>().notNull(),
  signsFrom: timestamp('signs_from', { withTimezone: true }).notNull().defaultNow(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** OIDC nonces: stored at login, consumed once at launch; expired ones are refused. */
export const ltiNonces = pgTable('lti_nonces', {
  nonce: text('nonce').primaryKey(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/** Key-value rows the library keeps (its launch sessions and dynamic-registration sessions), with expiry. */
export const ltiLibraryRecords = pgTable(
  'lti_library_records',
  {
    kind: text('kind').notNull(),
    id: text('id').notNull(),
    data: jsonb('data').$type<unknown>().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.id] })],
);

/** A platform user (its `sub`) linked to a Tensorgrade account. Never matched by e-mail automatically. */
export const ltiUserLinks = pgTable(
  'lti_user_links',
  {
    platformId: uuid('platform_id')
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.platformId, t.subject] }), index('lti_user_links_user_idx').on(t.userId)],
);

/** An LMS course (context) mapped to a Tensorgrade course, with the service URLs its launches carried. */
export const ltiContexts = pgTable(
  'lti_contexts',
  {
    platformId: uuid('platform_id')
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: 'cascade' }),
    contextId: text('context_id').notNull(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    title: text('title').notNull().default(''),
    membershipsUrl: text('memberships_url'),
    lineItemsUrl: text('line_items_url'),
    lastRosterSyncAt: timestamp('last_roster_sync_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.platformId, t.contextId] }), index('lti_contexts_course_idx').on(t.courseId)],
);

/** Members of a context as the platform's roster last listed them; dropped = no longer listed (kept, marked). */
export const ltiMembers = pgTable(
  'lti_members',
  {
    platformId: uuid('platform_id')
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: 'cascade' }),
    contextId: text('context_id').notNull(),
    subject: text('subject').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    roles: jsonb('roles').$type<string[]>().notNull(),
    droppedAt: timestamp('dropped_at', { withTimezone: true }),
    syncedAt: timestamp('synced_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.platformId, t.contextId, t.subject] })],
);

/** A resource link placed in the LMS: the item it opens and the line item its scores go to. */
export const ltiResourceLinks = pgTable(
  'lti_resource_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: 'cascade' }),
    deploymentId: text('deployment_id').notNull(),
    resourceLinkId: text('resource_link_id').notNull(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id').references(() => assignmentItems.id, { onDelete: 'set null' }),
    lineItemUrl: text('line_item_url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('lti_resource_links_platform_link').on(t.platformId, t.resourceLinkId), index('lti_resource_links_item_idx').on(t.itemId)],
);

export const ltiScoreSyncStatus = pgEnum('lti_score_sync_status', ['pending', 'queued', 'sent', 'failed']);

/**
 * Outbox of scores to send to a line item, one row per (resource link, student). Marked pending in the
 * same transaction as the score change (so it is never lost); `version` counts changes and `sentVersion`
 * the last one delivered, so a change made while a send is in flight is sent again (latest wins).
 */
export const ltiScoreSyncs = pgTable(
  'lti_score_syncs',
  {
    resourceLinkId: uuid('resource_link_id')
      .notNull()
      .references(() => ltiResourceLinks.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: ltiScoreSyncStatus('status').notNull().default('pending'),
    version: integer('version').notNull().default(1),
    sentVersion: integer('sent_version').notNull().default(0),
    sentScore: real('sent_score'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.resourceLinkId, t.userId] }), index('lti_score_syncs_status_idx').on(t.status)],
);
