<?php
/**
 * Planted error: PHPStan must reject a function that returns the wrong type.
 *
 * @package Causerie\Connector
 */

/**
 * Claims an int, returns a string.
 */
function causerie_planted_wrong_return_type(): int {
	return 'forty-two';
}
