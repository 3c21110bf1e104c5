import type { WidgetSettings, WidgetStatus } from '../../../src/shared/types';

export const SETTINGS: WidgetSettings = {
	enabled: false,
	placement: 'everywhere',
	types: [],
	exclude: [],
	appearance: { color: '', position: '', greeting: '', launcherText: '' },
	consent: 'none',
};

export const OFF: WidgetStatus = {
	settings: SETTINGS,
	bot: {
		botId: 'bot_public_1',
		greeting: 'Hello! Ask me about the shop.',
		color: '#123456',
		textColor: '#ffffff',
		position: 'bottom-right',
		origin: 'https://shop.example',
	},
	state: 'off',
	problem: null,
	consentApi: false,
	postTypes: [
		{ name: 'post', label: 'Posts' },
		{ name: 'page', label: 'Pages' },
	],
	excluded: [],
	homeUrl: 'https://shop.example/',
	previewUrl: 'https://shop.example/',
};

export const ON: WidgetStatus = {
	...OFF,
	settings: { ...SETTINGS, enabled: true },
	state: 'on',
};

/**
 * The status with other settings.
 *
 * @param base    The status to start from.
 * @param changes Settings to change.
 */
export function withSettings(
	base: WidgetStatus,
	changes: Partial< WidgetSettings >
): WidgetStatus {
	return { ...base, settings: { ...base.settings, ...changes } };
}

/** A PUT refused because the connection is broken: core's error shape with the plugin's diagnosis. */
export const REFUSED = {
	code: 'causerie_token_revoked',
	message: 'The access token was revoked.',
	data: {
		status: 409,
		diagnosis: {
			code: 'token_revoked',
			severity: 'error',
			title: 'The access token was revoked.',
			explanation:
				'Causerie no longer accepts the token the plugin holds.',
			steps: [ 'Get a new token.' ],
			evidence: {},
		},
	},
};
