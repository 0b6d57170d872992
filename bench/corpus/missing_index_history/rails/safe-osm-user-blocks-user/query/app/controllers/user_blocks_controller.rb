class UserBlocksController < ApplicationController
  include UserMethods
  include PaginationMethods

  ##
  # shows a list of all the blocks on the given user
  def blocks_on
    @params = params.permit(:display_name)

    user_blocks = UserBlock.where(:user => @user)

    @user_blocks, @newer_user_blocks_id, @older_user_blocks_id = get_page_items(user_blocks, :includes => [:user, :creator, :revoker])
  end
end
