class UserBlocksController < ApplicationController
  include UserMethods
  include PaginationMethods

  # Blocks this user has handed out to others.
  def blocks_by
    issued = UserBlock.where(:creator => @user)
    @user_blocks, @newer_id, @older_id = get_page_items(issued, :includes => [:user, :creator])
  end
end
