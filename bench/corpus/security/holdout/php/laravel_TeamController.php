<?php

namespace App\Http\Controllers;

use App\Models\Team;
use App\Models\User;
use Firebase\JWT\JWT;
use Firebase\JWT\Key;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Process;
use Illuminate\Support\Str;

class TeamController extends Controller
{
    private const JWT_KEY = 'team-service-jwt-key'; // vuln: CWE-798

    public function members(Request $request)
    {
        return DB::table('users')->whereRaw("team = '{$request->team}'")->get(); // vuln: CWE-89
    }

    public function membersSafe(Request $request)
    {
        return DB::table('users')->where('team', $request->team)->get(); // safe: CWE-89
    }

    public function ranking(Request $request)
    {
        $direction = $request->query('dir') === 'asc' ? 'asc' : 'desc';
        return DB::table('teams')->orderByRaw("score {$direction}")->get(); // safe: CWE-89
    }

    public function rankingUnsafe(Request $request)
    {
        return DB::table('teams')->orderByRaw($request->query('order'))->get(); // vuln: CWE-89
    }

    public function archive(Request $request)
    {
        DB::statement('UPDATE teams SET archived = 1 WHERE name = "' . $request->input('name') . '"'); // vuln: CWE-89
        return response()->noContent();
    }

    public function archiveSafe(Request $request)
    {
        DB::update('UPDATE teams SET archived = 1 WHERE name = ?', [$request->input('name')]); // safe: CWE-89
        return response()->noContent();
    }

    public function update(Request $request, Team $team)
    {
        $team->forceFill($request->all())->save(); // vuln: CWE-915
        return $team;
    }

    public function updateSafe(Request $request, Team $team)
    {
        $team->fill($request->validate(['name' => 'required|string', 'slogan' => 'nullable|string']))->save(); // safe: CWE-915
        return $team;
    }

    public function export(Request $request)
    {
        $result = Process::run('team-export ' . $request->input('team') . ' --format csv'); // vuln: CWE-78
        return response($result->output());
    }

    public function exportSafe(Request $request)
    {
        $result = Process::run(['team-export', $request->input('team'), '--format', 'csv']); // safe: CWE-78
        return response($result->output());
    }

    public function logo(Request $request)
    {
        return response()->download(public_path('logos/' . $request->input('logo'))); // vuln: CWE-22
    }

    public function invite(Request $request)
    {
        $token = Str::random(40); // safe: CWE-330
        $legacy = substr(str_shuffle(md5(rand())), 0, 10); // vuln: CWE-330
        return ['token' => $token, 'legacy' => $legacy];
    }

    public function whoami(Request $request)
    {
        $claims = JWT::decode($request->bearerToken(), new Key(self::JWT_KEY, 'HS256')); // vuln: CWE-798
        return (array) $claims;
    }

    public function whoamiEnv(Request $request)
    {
        $claims = JWT::decode($request->bearerToken(), new Key(config('services.team.jwt_key'), 'HS256')); // safe: CWE-347
        return (array) $claims;
    }

    public function greet(Request $request)
    {
        echo 'Welcome to ' . $request->input('team'); // vuln: CWE-79
    }

    public function go(Request $request)
    {
        return redirect()->away($request->input('url')); // vuln: CWE-601
    }

    public function widget(Request $request)
    {
        $config = unserialize(base64_decode($request->input('config')), ['allowed_classes' => false]); // safe: CWE-502
        return $config;
    }

    public function widgetUnsafe(Request $request)
    {
        $config = unserialize(base64_decode($request->input('config'))); // vuln: CWE-502
        return $config;
    }

    public function plugin(Request $request)
    {
        require_once base_path('plugins/' . $request->input('plugin') . '/boot.php'); // vuln: CWE-98
    }

    public function callback(Request $request)
    {
        $fn = $request->input('fn');
        return call_user_func($fn, $request->input('arg')); // vuln: CWE-94
    }

    public function mirror(Request $request)
    {
        $ch = curl_init($request->input('url')); // vuln: CWE-918
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        return curl_exec($ch);
    }

    public function encrypt(string $plain): string
    {
        return openssl_encrypt($plain, 'aes-128-ecb', config('app.key')); // vuln: CWE-327
    }

    public function encryptStaticIv(string $plain): string
    {
        return openssl_encrypt($plain, 'aes-256-cbc', config('app.key'), 0, '1234567890123456'); // vuln: CWE-329
    }

    public function encryptSafe(string $plain): string
    {
        $iv = random_bytes(12);
        return base64_encode($iv . openssl_encrypt($plain, 'aes-256-gcm', config('app.key'), OPENSSL_RAW_DATA, $iv, $tag) . $tag); // safe: CWE-327
    }

    public function storeKey(string $key): void
    {
        file_put_contents('/var/app/keys/team.key', $key);
        chmod('/var/app/keys/team.key', 0777); // vuln: CWE-732
        chmod('/var/app/keys/team.pub', 0644); // safe: CWE-732
        $tmp = tempnam(sys_get_temp_dir(), 'team'); // safe: CWE-377
    }
}
