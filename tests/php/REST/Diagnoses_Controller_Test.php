<?php
/**
 * Integration tests for GET /causerie/v1/diagnoses.
 *
 * @package Causerie\Connector
 */

namespace Causerie\Connector\Tests\REST;

use Causerie\Connector\Diagnosis\Catalog;
use Causerie\Connector\REST\Diagnoses_Controller;
use Causerie\Connector\Tests\TestCase;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * The admin app gets the texts of every diagnosis code, the same the server sends with its own findings.
 */
final class Diagnoses_Controller_Test extends TestCase {

	private const ROUTE = '/' . Diagnoses_Controller::NAMESPACE . '/' . Diagnoses_Controller::REST_BASE;

	#[DataProvider( 'refused_roles' )]
	public function test_the_route_refuses_users_who_cannot_manage_options( string $role, int $status ): void {
		$this->act_as( $role );

		$response = $this->dispatch( 'GET', self::ROUTE );

		self::assertSame( $status, $response->get_status() );
		self::assertSame( 'rest_forbidden', $this->error_code( $response ) );
	}

	public function test_every_code_comes_with_its_severity_and_non_empty_texts(): void {
		$this->act_as( 'administrator' );

		$response = $this->dispatch( 'GET', self::ROUTE );

		self::assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		self::assertIsArray( $data );
		self::assertSame( array_keys( Catalog::codes() ), array_keys( $data ) );
		foreach ( Catalog::codes() as $code => $meta ) {
			$texts = $data[ $code ];
			self::assertIsArray( $texts, $code );
			self::assertSame( array( 'severity', 'title', 'explanation', 'steps', 'wizardSteps', 'dashboardSteps' ), array_keys( $texts ), $code );
			self::assertSame( $meta['severity'], $texts['severity'], $code );
			self::assertIsString( $texts['title'] );
			self::assertNotSame( '', trim( $texts['title'] ), $code );
			self::assertIsString( $texts['explanation'] );
			self::assertNotSame( '', trim( $texts['explanation'] ), $code );
			self::assertIsArray( $texts['steps'] );
			self::assertNotEmpty( $texts['steps'], $code );
			foreach ( $texts['steps'] as $step ) {
				self::assertIsString( $step );
				self::assertNotSame( '', trim( $step ), $code );
			}
		}
	}

	public function test_the_texts_are_those_the_server_sends_with_its_own_diagnoses(): void {
		$this->act_as( 'administrator' );

		$data = $this->dispatch( 'GET', self::ROUTE )->get_data();

		self::assertIsArray( $data );
		self::assertSame( array( 'severity' => 'error' ) + Catalog::describe( 'token_issuer_mismatch' ), $data['token_issuer_mismatch'] );
		self::assertIsArray( $data['secure_context_required'] );
		self::assertSame( 'info', $data['secure_context_required']['severity'] );
	}

	public function test_the_answer_matches_the_published_schema(): void {
		$this->act_as( 'administrator' );
		$schema = ( new Diagnoses_Controller() )->get_item_schema();

		$data = $this->dispatch( 'GET', self::ROUTE )->get_data();

		self::assertTrue( rest_validate_value_from_schema( $data, $schema ) );
	}

	public function test_the_route_is_read_only(): void {
		$this->act_as( 'administrator' );

		$response = $this->dispatch( 'POST', self::ROUTE );

		self::assertSame( 404, $response->get_status() );
		self::assertSame( 'rest_no_route', $this->error_code( $response ) );
	}
}
