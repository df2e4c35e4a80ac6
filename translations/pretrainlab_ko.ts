<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ptl::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="20"/>
        <source>PretrainLab</source>
        <translation>PretrainLab</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="26"/>
        <source>&lt;b&gt;Runs&lt;/b&gt; — every training run recorded in the run store</source>
        <translation>&lt;b&gt;실행 목록&lt;/b&gt; — 실행 저장소에 기록된 모든 학습 실행</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="42"/>
        <source>Run store: %1</source>
        <translation>실행 저장소: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="48"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="49"/>
        <source>&amp;Refresh runs</source>
        <translation>실행 목록 새로 고침(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="53"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="57"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="58"/>
        <source>&amp;About PretrainLab</source>
        <translation>PretrainLab 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="66"/>
        <source>Cannot read the run store: %1</source>
        <translation>실행 저장소를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="70"/>
        <source>No runs yet. Start one from the command line: pretrainlab-cli train --preset bert-tiny</source>
        <translation>아직 실행이 없습니다. 명령줄에서 시작하세요: pretrainlab-cli train --preset bert-tiny</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="71"/>
        <source>Runs in the store: %1</source>
        <translation>저장소의 실행 수: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="77"/>
        <source>About PretrainLab</source>
        <translation>PretrainLab 정보</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="78"/>
        <source>&lt;h3&gt;PretrainLab %1&lt;/h3&gt;&lt;p&gt;A workbench for seeing inside transformer pre-training: BERT, GPT, ALBERT and ELECTRA on an ordinary CPU.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PretrainLab %1&lt;/h3&gt;&lt;p&gt;트랜스포머 사전 학습의 내부를 들여다보는 작업대: 평범한 CPU에서 BERT, GPT, ALBERT, ELECTRA를 학습합니다.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ptl::ui::RunsModel</name>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="31"/>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="32"/>
        <source>paused</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="33"/>
        <source>completed</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="34"/>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="35"/>
        <source>interrupted</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="36"/>
        <source>diverged</source>
        <translation>발산</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="37"/>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="70"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="71"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="72"/>
        <source>Family</source>
        <translation>모델 계열</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="73"/>
        <source>Objective</source>
        <translation>학습 목표</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="74"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="75"/>
        <source>Steps</source>
        <translation>스텝</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="76"/>
        <source>Created</source>
        <translation>생성 시각</translation>
    </message>
</context>
</TS>
