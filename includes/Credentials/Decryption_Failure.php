<?php
/**
 * Why a stored secret could not be decrypted.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Credentials;

/**
 * A changed key is diagnosed and the admin asked for the secret again; corrupt data is reported as such.
 */
enum Decryption_Failure: string {
	case Key_Changed = 'key_changed';
	case Corrupt     = 'corrupt';
}
