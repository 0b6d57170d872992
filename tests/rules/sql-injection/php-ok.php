// bastion-fixture: app/Http/Controllers/UserController.php
// ok: sql-injection
<?php
class UserController {
    public function index(Request $request) {
        $table = $this->prefix . 'users';
        $users = DB::select("SELECT * FROM {$table} WHERE name = ?", [$request->input('name')]);
        $dir = $request->input('dir') === 'asc' ? 'ASC' : 'DESC';
        $q = DB::select("SELECT * FROM t WHERE org = ? ORDER BY id $dir", [$request->input('org')]);
        DB::statement('CREATE TABLE ' . 'IF NOT EXISTS' . ' t (id int)');
    }
}
