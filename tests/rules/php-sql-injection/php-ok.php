// bastion-fixture: app/Http/Controllers/UserController.php
// ok: php-sql-injection
<?php
class UserController {
    public function index($request) {
        $users = DB::select('SELECT * FROM users WHERE name = ?', [$request->name]);
        $q = User::whereRaw('age > ?', [$request->input('age')])->get();
        $s = $pdo->prepare('SELECT * FROM t WHERE id = :id');
        return $cache->update('key' . $id);
    }
}
