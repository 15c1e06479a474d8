# Sources of the profile screen (target_sources(threatdesk_ui PRIVATE ...)).
target_sources(threatdesk_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/ProfileDialog.cpp
)
