// bastion-fixture: app/Http/Controllers/UserController.php
<?php
class UserController {
    public function index(Request $request) {
        $name = $request->input('name');
// expect: php-sql-injection
        $users = DB::select("SELECT * FROM users WHERE name = '$name'");
// expect: php-sql-injection
        $q = User::whereRaw('age > ' . $request->input('age'))->get();
// expect: php-sql-injection
        $r = $pdo->query("SELECT * FROM t WHERE id = " . $_GET['id']);
    }
}
