// bastion-fixture: app/Http/Controllers/UserController.php
<?php
class UserController {
    public function index($request) {
// expect: php-sql-injection
        $users = DB::select("SELECT * FROM users WHERE name = '$request->name'");
// expect: php-sql-injection
        $q = User::whereRaw('age > ' . $request->input('age'))->get();
// expect: php-sql-injection
        $r = $pdo->query("SELECT * FROM t WHERE id = " . $_GET['id']);
// expect: php-sql-injection
        return mysqli_query($conn, "DELETE FROM t WHERE id = {$id}");
    }
}
