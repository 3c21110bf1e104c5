<?php
/**
 * A runner lost rows it was working on.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Sync;

/**
 * Thrown from inside an API call's attempts (Lease::keep), so the call stops before it sends rows another
 * runner now owns; the runner catches it around its batch.
 */
final class Lease_Lost extends \RuntimeException {
}
