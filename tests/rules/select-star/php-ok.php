// bastion-fixture: app/Repositories/UserRepository.php
// ok: select-star
<?php
$users = DB::select("SELECT id FROM users");
