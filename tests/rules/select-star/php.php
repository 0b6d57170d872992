// bastion-fixture: app/Repositories/UserRepository.php
<?php
class UserRepository {
  public function all() {
// expect: select-star
    return DB::select("SELECT * FROM users");
  }
}
