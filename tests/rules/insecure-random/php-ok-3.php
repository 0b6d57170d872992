<?php
// bastion-fixture: database/seeders/Demo/DemoAccessSeeder.php
// Made-up demo records for a development database.
class DemoAccessSeeder extends Seeder
{
    public function run(): void
    {
        AccessRequest::create([
            'status' => 'approved',
// ok: insecure-random
            'reviewed_at' => now()->subDays(rand(1, 14)), 'access_token' => Str::random(64),
        ]);
    }
}
