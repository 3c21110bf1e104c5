import type { Settings } from '../../../src/shared/types';

/** A site's profile before anything was saved. */
export const FRESH: Settings = {
	environment: 'production',
	activeEnvironment: 'production',
	clientId: '',
	hasSecret: false,
	secretHint: '',
	secretStatus: 'missing',
	apiUrl: '',
	issuer: '',
	tokenEndpoint: '',
	scopes: [ 'read:widget', 'write:knowledge' ],
	locked: {},
};
