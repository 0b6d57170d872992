class AddIndexToWebHooks < ActiveRecord::Migration[5.2]
  # Hooks are looked up per user and gem.
  def change
    add_index(:web_hooks, [:user_id, :rubygem_id])
  end
end
