<?php
/**
 * Integration tests for GET /causerie/v1/site.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\REST;

use Causerie\Connector\REST\Site_Controller;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * The site route answers administrators only, with data that matches its schema.
 */
final class Site_Controller_Test extends TestCase {

	private const ROUTE = '/' . Site_Controller::NAMESPACE . '/' . Site_Controller::REST_BASE;

	#[DataProvider( 'refused_roles' )]
	public function test_the_route_refuses_users_who_cannot_manage_options( string $role, int $status ): void {
		$this->act_as( $role );

		$response = $this->dispatch( 'GET', self::ROUTE );

		self::assertSame( $status, $response->get_status() );
		self::assertSame( 'rest_forbidden', $this->error_code( $response ) );
	}

	public function test_an_administrator_reads_the_plugin_version_and_environment(): void {
		$this->act_as( 'administrator' );

		$response = $this->dispatch( 'GET', self::ROUTE );

		self::assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		self::assertIsArray( $data );
		self::assertSame( \Causerie\Connector\VERSION, $data['pluginVersion'] );
		self::assertSame( wp_get_environment_type(), $data['environmentType'] );
		self::assertSame( get_bloginfo( 'version' ), $data['wordpressVersion'] );
		self::assertFalse( $data['multisite'] );
	}

	public function test_the_answer_matches_the_published_schema(): void {
		$this->act_as( 'administrator' );
		$schema = ( new Site_Controller( '1.2.3' ) )->get_item_schema();

		$data = $this->dispatch( 'GET', self::ROUTE )->get_data();

		self::assertTrue( rest_validate_value_from_schema( $data, $schema ) );
		self::assertIsArray( $data );
		self::assertIsArray( $schema['properties'] );
		self::assertSame( array_keys( $schema['properties'] ), array_keys( $data ) );
	}

	public function test_the_route_is_read_only(): void {
		$this->act_as( 'administrator' );

		$response = $this->dispatch( 'POST', self::ROUTE );

		self::assertSame( 404, $response->get_status() );
		self::assertSame( 'rest_no_route', $this->error_code( $response ) );
	}
}
