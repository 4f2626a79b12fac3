@REM q4j: run the q4j command-line tool from this source tree on Windows, e.g. `q4j --help`, `q4j encode "1 2 3"`.
@REM The twin of the bash script ./q4j: builds q4j-cli\target\q4j.jar on first use, and again whenever a pom or a
@REM main source/resource file is newer than it (checked with PowerShell); the build's output is shown only when it
@REM fails. Java is %JAVA_HOME%\bin\java.exe when JAVA_HOME is set, else java on the PATH.
@echo off
setlocal
set "Q4J_ROOT=%~dp0"
if "%Q4J_ROOT:~-1%"=="\" set "Q4J_ROOT=%Q4J_ROOT:~0,-1%"
set "Q4J_JAR=%Q4J_ROOT%\q4j-cli\target\q4j.jar"

set "Q4J_STALE=1"
if exist "%Q4J_JAR%" (
    powershell -NoProfile -ExecutionPolicy Bypass -Command ^
      "$jar = Get-Item -LiteralPath $env:Q4J_JAR; $root = $env:Q4J_ROOT;" ^
      "$inputs = @(Get-Item -LiteralPath (Join-Path $root 'pom.xml'));" ^
      "$inputs += Get-ChildItem -LiteralPath $root -Directory -Filter 'q4j-*' | ForEach-Object {" ^
      "  Get-ChildItem -LiteralPath $_.FullName -Filter 'pom.xml' -File;" ^
      "  $m = Join-Path $_.FullName 'src\main'; if (Test-Path -LiteralPath $m) { Get-ChildItem -LiteralPath $m -Recurse -File } };" ^
      "if ($inputs | Where-Object { $_.LastWriteTime -gt $jar.LastWriteTime } | Select-Object -First 1) { exit 1 } else { exit 0 }"
    if not errorlevel 1 set "Q4J_STALE=0"
)

if "%Q4J_STALE%"=="1" (
    set "Q4J_LOG=%TEMP%\q4j-build-%RANDOM%.log"
    pushd "%Q4J_ROOT%"
    call mvnw.cmd -q -B -Dmaven.test.skip=true -pl q4j-cli -am package > "%Q4J_LOG%" 2>&1
    set "Q4J_STATUS=%ERRORLEVEL%"
    popd
    if not exist "%Q4J_JAR%" set "Q4J_STATUS=1"
)
if "%Q4J_STALE%"=="1" (
    if not "%Q4J_STATUS%"=="0" (
        echo q4j: the build failed ^(mvnw.cmd -B -Dmaven.test.skip=true -pl q4j-cli -am package in %Q4J_ROOT%^): 1>&2
        type "%Q4J_LOG%" 1>&2
        del "%Q4J_LOG%" >nul 2>&1
        exit /b 1
    )
    del "%Q4J_LOG%" >nul 2>&1
    powershell -NoProfile -Command "(Get-Item -LiteralPath $env:Q4J_JAR).LastWriteTime = Get-Date"
)

if defined JAVA_HOME (
    set "Q4J_JAVA=%JAVA_HOME%\bin\java.exe"
) else (
    set "Q4J_JAVA=java"
)
"%Q4J_JAVA%" -jar "%Q4J_JAR%" %*
exit /b %ERRORLEVEL%
