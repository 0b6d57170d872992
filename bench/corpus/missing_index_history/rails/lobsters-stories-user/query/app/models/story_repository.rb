class StoryRepository

  def newest_by_user(user)
    base_scope.where(user_id: user.id).order("stories.id DESC")
  end

end
