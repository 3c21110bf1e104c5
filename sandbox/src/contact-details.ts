/** What a visitor left to be contacted by; either may be null, never both in a lead. */
export interface ContactDetails {
	email: string | null;
	phone: string | null;
}

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}/i;
/** Digits with the usual separators, optionally after a +: 8 to 15 digits, as E.164 allows. */
const PHONE = /\+?\d[\d .()-]{6,22}\d/;

export function isEmail( value: string ): boolean {
	return (
		value.length <= 254 &&
		new RegExp( `^${ EMAIL.source }$`, 'i' ).test( value )
	);
}

export function isPhone( value: string ): boolean {
	const digits = value.replace( /\D/g, '' ).length;
	return (
		new RegExp( `^${ PHONE.source }$` ).test( value ) &&
		digits >= 8 &&
		digits <= 15
	);
}

/** The email and phone number a chat message contains, if any: how a visitor leaves them in the chat. */
export function findContactDetails( text: string ): ContactDetails {
	const email = EMAIL.exec( text )?.[ 0 ] ?? null;
	const phone =
		PHONE.exec( email ? text.replace( email, ' ' ) : text )?.[ 0 ] ?? null;
	return {
		email: email?.toLowerCase() ?? null,
		phone: phone !== null && isPhone( phone ) ? phone : null,
	};
}
