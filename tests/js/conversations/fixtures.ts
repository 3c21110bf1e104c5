import type {
	ConversationDetail,
	ConversationSummary,
} from '../../../src/shared/types';

export function summary(
	id: string,
	overrides: Partial< ConversationSummary > = {}
): ConversationSummary {
	return {
		id,
		startedAt: '2026-12-07T09:12:00.000Z',
		messages: 4,
		firstQuestion: `Question ${ id }`,
		lead: false,
		origin: 'https://shop.example.test',
		sources: [],
		...overrides,
	};
}

export const SHIPPING = summary( 'conv_1', {
	firstQuestion: 'How long does shipping take?',
	lead: true,
	sources: [
		{
			title: 'Shipping and returns',
			url: 'https://shop.example.test/shipping/',
		},
	],
} );

export const SHIPPING_DETAIL: ConversationDetail = {
	...SHIPPING,
	transcript: [
		{
			id: 'm1',
			role: 'visitor',
			text: 'How long does shipping take?',
			sentAt: '2026-12-07T09:12:00.000Z',
			sources: [],
		},
		{
			id: 'm2',
			role: 'bot',
			text: 'Orders ship within two days.',
			sentAt: '2026-12-07T09:12:02.000Z',
			sources: SHIPPING.sources,
		},
		{
			id: 'm3',
			role: 'visitor',
			text: 'Can you email me?',
			sentAt: '2026-12-07T09:13:00.000Z',
			sources: [],
		},
		{
			id: 'm4',
			role: 'bot',
			text: 'Leave your address below.',
			sentAt: '2026-12-07T09:13:02.000Z',
			sources: [],
		},
	],
	contact: {
		email: 'jane@example.com',
		phone: null,
		capturedAt: '2026-12-07T09:13:10.000Z',
	},
};

export const MISSING_SCOPE = {
	code: 'causerie_missing_scope',
	message: 'The access token lacks the scope read:conversations.',
	data: { status: 403, scope: 'read:conversations' },
};
