import { Notice } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import type { Settings } from '../../shared/types';

/**
 * A stored secret that can't be decrypted is not lost silently: the admin is told why, and what to do.
 */
export function SecretStatusNotice( {
	status,
}: {
	status: Settings[ 'secretStatus' ];
} ) {
	if ( status === 'key_changed' ) {
		return (
			<Notice status="warning" isDismissible={ false }>
				<p>
					<strong>
						{ __(
							'The encryption key changed: enter the client secret again.',
							'causerie-connector'
						) }
					</strong>
				</p>
				<p>
					{ __(
						'The secret is stored encrypted with a key from wp-config.php. That key changed (the salts were renewed or the site was moved), so the saved secret can no longer be read. Paste the client secret from the Causerie dashboard and save.',
						'causerie-connector'
					) }
				</p>
			</Notice>
		);
	}
	if ( status === 'copied' ) {
		return (
			<Notice status="warning" isDismissible={ false }>
				<p>
					<strong>
						{ __(
							'The saved client secret was copied from elsewhere: enter it again.',
							'causerie-connector'
						) }
					</strong>
				</p>
				<p>
					{ __(
						"The secret is encrypted for the one site and setting it was saved in. This one was saved for another site or setting (the database was copied, for instance), so it can't be read here. Paste the client secret from the Causerie dashboard and save.",
						'causerie-connector'
					) }
				</p>
			</Notice>
		);
	}
	if ( status === 'corrupt' ) {
		return (
			<Notice status="warning" isDismissible={ false }>
				<p>
					{ __(
						'The saved client secret is damaged and can no longer be read. Paste the client secret from the Causerie dashboard and save.',
						'causerie-connector'
					) }
				</p>
			</Notice>
		);
	}
	return null;
}
