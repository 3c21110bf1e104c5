/**
 * Form state of the credentials forms.
 */
import type { CredentialField, Diagnosis } from '../../shared/types';

export interface CredentialValues {
	clientId: string;
	/** Typed by the admin only; never filled from the server. */
	clientSecret: string;
	apiUrl: string;
	/** Advanced; empty to find it from the API address. */
	issuer: string;
	tokenEndpoint: string;
	scopes: string[];
}

/** The three addresses: the API's, and the advanced ones of its sign-in service. */
export type AddressField = 'apiUrl' | 'issuer' | 'tokenEndpoint';

/** A message per field that is at fault. */
export type FieldErrors = Partial< Record< CredentialField, string > >;

/** A diagnosis as a failed save or verification carries it. */
export type DiagnosisDetail = Diagnosis & {
	evidence: Record< string, unknown >;
};

/** What a failed request means for the form. */
export interface Failure {
	fieldErrors: FieldErrors;
	/** A message about the request as a whole, when no field is at fault. */
	message: string | null;
	diagnosis: DiagnosisDetail | null;
}
