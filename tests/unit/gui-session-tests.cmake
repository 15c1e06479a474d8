# Unit tests of models/ for the session screen.
threatdesk_add_test(TestOrgSession SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestOrgSession.cpp
                    LIBS threatdesk_gui_test_support LABELS unit)
