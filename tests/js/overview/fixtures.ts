import type { Activity, SyncStatus } from '../../../src/shared/types';
import { ON } from '../widget/fixtures';

/** The Knowledge card's read: three of five pages known, no failure, the last sent two minutes ago. */
export const SYNC: SyncStatus = {
	inKnowledge: 3,
	eligible: 5,
	sentAt: Math.floor( Date.now() / 1000 ) - 120,
	fullSync: null,
	lastFullSync: null,
	pause: null,
	backoff: null,
	failures: [],
	queue: { pending: 0, done: 3, failed: 0 },
	postTypes: [
		{ name: 'post', label: 'Posts', count: 4, chosen: true },
		{ name: 'page', label: 'Pages', count: 1, chosen: true },
	],
	reconcile: null,
};

/** GET /causerie/v1/activity as the shared plan describes it. */
export const ACTIVITY: Activity = {
	conversations: 12,
	leads: 3,
	since: '2026-11-19T10:00:00Z',
	refreshedAt: '2026-11-26T09:00:00Z',
	reason: null,
};

/** The reads of the overview's cards, answered by default in the screen's tests. */
export const CARD_READS = {
	'GET /causerie/v1/widget': ON,
	'GET /causerie/v1/sync': SYNC,
	'GET /causerie/v1/activity': ACTIVITY,
};
