<?php
/**
 * Planted error: phpcs must reject output that is not escaped.
 *
 * @package Causerie\Connector
 */

/**
 * Prints a request parameter as it came.
 */
function causerie_planted_unescaped_output(): void {
	echo $_GET['name'];
}
