# CPack: a Debian package with the executable, a desktop entry and the icon.
install(FILES ${PROJECT_SOURCE_DIR}/packaging/sharecast.desktop DESTINATION share/applications)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/sharecast.svg
        DESTINATION share/icons/hicolor/scalable/apps)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/presets/ DESTINATION share/sharecast/presets
        FILES_MATCHING PATTERN "*.json")

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "sharecast")
set(CPACK_PACKAGE_VENDOR "Sharecast")
set(CPACK_PACKAGE_CONTACT "Sharecast maintainers <maintainers@sharecast.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
# dpkg-shlibdeps names the linked libraries, libxlsxwriter4 (the Excel workbook) among them;
# libssl3 (libcrypto's SHA-256 for import digests) is named as well, as the build's choice.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Plugins are loaded at run time, so dpkg-shlibdeps cannot see them: name them.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins, fonts-dejavu-core, libssl3")
include(CPack)
