class ChangeOrdersTotalToDecimal < ActiveRecord::Migration[7.1]
  def up
    change_column :orders, :total, :decimal, precision: 12, scale: 2
  end

  def down
    change_column :orders, :total, :integer
  end
end
