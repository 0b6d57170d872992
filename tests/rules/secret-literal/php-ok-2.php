<?php
// bastion-fixture: app/Livewire/SettingsSso.php
// ok: secret-literal
namespace App\Livewire;

class SettingsSso extends Component
{
    // Rules keyed by a dotted field path that ends in a secret's name: a field, not a secret.
    protected function rules(): array
    {
        return $this->providers->reduce(function ($carry, $provider) {
            $carry["sso_map.$provider->name.client_secret"] = 'nullable';
            return $carry;
        }, []);
    }

    private function providerRules(string $prefix): array
    {
        return [
            "$prefix.client_id" => 'required',
            "$prefix.client_secret" => 'required',
        ];
    }
}
