<?php
/**
 * Memoized factories for the composition root's object graphs.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector;

/**
 * Each named service is built by its factory the first time it is asked for, then shared.
 */
trait Builds_Once {

	/**
	 * Services built so far, by name.
	 *
	 * @var array<string, object>
	 */
	private array $built = array();

	/**
	 * The service of that name, built by the factory the first time.
	 *
	 * @template T of object
	 * @param string   $name    Name of the service: the factory method's.
	 * @param \Closure $factory Builds it.
	 * @phpstan-param \Closure(): T $factory
	 * @return T
	 */
	private function once( string $name, \Closure $factory ): object {
		$this->built[ $name ] ??= $factory();
		return $this->built[ $name ]; // @phpstan-ignore return.type (each name has one factory, so one class)
	}
}
