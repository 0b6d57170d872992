class UserBlocksController < ApplicationController
  include UserMethods
  include PaginationMethods

  # Blocks others have put on this user.
  def blocks_on
    received = UserBlock.where(:user => @user)
    @user_blocks, @newer_id, @older_id = get_page_items(received, :includes => [:user, :creator])
  end
end
