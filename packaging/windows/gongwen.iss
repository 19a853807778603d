; Inno Setup 6 script of the Gongwen installer (UTF-8 with BOM, for Inno Setup before 6.3). Built by packaging/build.py on Windows, which passes
;   /DAppVersion=<desktop.__version__>  /DBundleDir=<dist\gongwen>  /DRepoDir=<repository root>
; Per-user install without administrator rights; Start-menu and desktop shortcuts; uninstaller;
; an upgrade replaces the whole program folder so no file of an older version stays behind.

#ifndef AppVersion
  #error AppVersion is not defined: build with packaging/build.py (ISCC /DAppVersion=...)
#endif
#ifndef BundleDir
  #error BundleDir is not defined: build with packaging/build.py (ISCC /DBundleDir=...)
#endif
#ifndef RepoDir
  #define RepoDir AddBackslash(SourcePath) + "..\.."
#endif

#define AppName "公文写作助手"
#define AppExe "gongwen.exe"

[Setup]
; A fixed AppId ties every later version to this one, so an upgrade finds and replaces it.
AppId={{6F1C2B9E-3D4A-4E8B-9C47-2A5D8E1F7B30}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Gongwen
VersionInfoVersion={#AppVersion}
; Per-user, no UAC prompt: {autopf} resolves to %LOCALAPPDATA%\Programs in non administrative mode.
PrivilegesRequired=lowest
DefaultDirName={autopf}\Gongwen
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputBaseFilename=gongwen-{#AppVersion}-setup
SetupIconFile={#RepoDir}\resources\icons\gongwen.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running copy before its files are replaced.
CloseApplications=yes
RestartApplications=no

[Languages]
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; Upgrade: remove the previous version's program files first (user data and settings live in the per-user folders, never in {app}).
Type: filesandordirs; Name: "{app}\_internal"
Type: files; Name: "{app}\gongwen.exe"
Type: files; Name: "{app}\gongwen-cli.exe"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
