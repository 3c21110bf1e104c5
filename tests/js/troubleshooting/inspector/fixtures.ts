/**
 * What the plugin's REST routes answer in the inspector's tests.
 */
import { DIAGNOSIS_CODES, severityOf } from '../../../../src/shared/codes';
import type { DiagnosisTexts, Settings } from '../../../../src/shared/types';
import { ISSUER } from './tokens';

/** GET /settings of a local site connected to the sandbox. */
export const SETTINGS: Settings = {
	environment: 'local',
	activeEnvironment: 'local',
	clientId: 'wp-development',
	hasSecret: true,
	secretHint: '3f9a1c',
	secretStatus: 'ok',
	apiUrl: ISSUER,
	issuer: '',
	tokenEndpoint: '',
	scopes: [ 'read:widget', 'write:knowledge' ],
	locked: {},
};

/** GET /diagnoses, with one recognisable title per code. */
export const TEXTS: DiagnosisTexts = Object.fromEntries(
	DIAGNOSIS_CODES.map( ( code ) => [
		code,
		{
			severity: severityOf( code ),
			title: `Title of ${ code }`,
			explanation: `Why ${ code } happens.`,
			steps: [ `Fix ${ code }.` ],
		},
	] )
);
