// bastion-fixture: app/Http/Controllers/UserController.php
<?php
class UserController {
    public function index(Request $request) {
        $name = $request->input('name');
// expect: sql-injection
        $users = DB::select("SELECT * FROM users WHERE name = '$name'");
// expect: sql-injection
        $q = User::whereRaw('age > ' . $request->input('age'))->get();
// expect: sql-injection
        $r = $pdo->query("SELECT * FROM t WHERE id = " . $_GET['id']);
    }
}
