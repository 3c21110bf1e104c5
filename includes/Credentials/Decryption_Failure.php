<?php
/**
 * Why a stored secret could not be decrypted.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Credentials;

/**
 * A changed key is diagnosed and the admin asked for the secret again; a value copied from another option,
 * profile or site (it was encrypted for that place only) and corrupt data are each reported as such.
 */
enum Decryption_Failure: string {
	case Key_Changed = 'key_changed';
	case Copied      = 'copied';
	case Corrupt     = 'corrupt';

	/**
	 * The diagnosis code of a failure, when it has its own; damaged data reads as "not configured".
	 *
	 * @param Decryption_Failure|null $failure Why the secret can't be read, if it can't.
	 */
	public static function diagnosis( ?Decryption_Failure $failure ): ?string {
		return match ( $failure ) {
			self::Key_Changed => 'encryption_key_changed',
			self::Copied      => 'secret_copied',
			default           => null,
		};
	}
}
