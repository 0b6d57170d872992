# bastion-fixture: app/controllers/users_controller.rb
# ok: mass-assignment
@user.update(params.require(:user).permit(:name, :email))
