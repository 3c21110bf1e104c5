import { __ } from '@wordpress/i18n';

import type { ConversationContact } from '../shared/types';

/**
 * The contact details a visitor left, as links to write or call; nothing when none were left.
 *
 * @param props         Component props.
 * @param props.contact The contact, or null.
 */
export function Contact( {
	contact,
}: {
	contact: ConversationContact | null;
} ) {
	if ( ! contact ) {
		return <p>{ __( 'No contact left.', 'causerie-connector' ) }</p>;
	}
	return (
		<>
			<h2>{ __( 'Contact left', 'causerie-connector' ) }</h2>
			<dl className="causerie-contact">
				{ contact.email && (
					<>
						<dt>{ __( 'Email', 'causerie-connector' ) }</dt>
						<dd>
							<a href={ `mailto:${ contact.email }` }>
								{ contact.email }
							</a>
						</dd>
					</>
				) }
				{ contact.phone && (
					<>
						<dt>{ __( 'Phone', 'causerie-connector' ) }</dt>
						<dd>
							<a href={ `tel:${ contact.phone }` }>
								{ contact.phone }
							</a>
						</dd>
					</>
				) }
			</dl>
		</>
	);
}
