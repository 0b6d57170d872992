// bastion-fixture: app/Http/Controllers/App/UserSettingsController.php
// ok: mass-assignment
<?php
class UserSettingsController
{
    // Fortify's actions validate the input and write only the fields they name.
    public function saveAccountSettings(Request $request)
    {
        (new UpdateUserProfileInformation())->update($request->user(), $request->input());
        app(UpdateUserPassword::class)->update($request->user(), $request->all());
        $user = (new CreateNewUser())->create($request->input());
    }

    // The request's fields as Eloquent's options, not its attributes.
    public function touch(Request $request, User $user)
    {
        $user->update(['seen_at' => now()], $request->all());
    }
}
