<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ptl::ui::CompareDialog</name>
    <message>
        <location filename="../ui/compare/CompareDialog.cpp" line="31"/>
        <source>Compare runs</source>
        <translation>실행 비교</translation>
    </message>
    <message>
        <location filename="../ui/compare/CompareDialog.cpp" line="33"/>
        <source>Show only the keys that differ</source>
        <translation>서로 다른 키만 보기</translation>
    </message>
    <message>
        <location filename="../ui/compare/CompareDialog.cpp" line="45"/>
        <source>&lt;b&gt;Configuration&lt;/b&gt; — differing keys are highlighted; the curves of these runs are overlaid in the main window.</source>
        <translation>&lt;b&gt;설정&lt;/b&gt; — 서로 다른 키를 강조합니다. 이 실행들의 곡선은 주 창에 겹쳐 그려집니다.</translation>
    </message>
    <message>
        <location filename="../ui/compare/CompareDialog.cpp" line="48"/>
        <source>&lt;b&gt;Final metrics&lt;/b&gt; — the last value each run logged</source>
        <translation>&lt;b&gt;최종 지표&lt;/b&gt; — 각 실행이 마지막으로 기록한 값</translation>
    </message>
    <message>
        <location filename="../ui/compare/CompareDialog.cpp" line="72"/>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/compare/CompareDialog.cpp" line="78"/>
        <source>Cannot read the run store: %1</source>
        <translation>실행 저장소를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../ui/compare/CompareDialog.cpp" line="127"/>
        <source>%1 (step %2)</source>
        <translation>%1 (스텝 %2)</translation>
    </message>
</context>
<context>
    <name>ptl::ui::ConfigEditor</name>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="69"/>
        <source>run name (default: the preset)</source>
        <translation>실행 이름 (기본값: 프리셋 이름)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="73"/>
        <source>Preset</source>
        <translation>프리셋</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="74"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="75"/>
        <source>Family</source>
        <translation>모델 계열</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="77"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="79"/>
        <source>Layers</source>
        <translation>층 수</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="80"/>
        <source>Hidden size</source>
        <translation>은닉 크기</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="81"/>
        <source>Attention heads</source>
        <translation>어텐션 헤드 수</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="82"/>
        <source>Feed-forward size</source>
        <translation>피드포워드 크기</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="83"/>
        <source>Embedding size E</source>
        <translation>임베딩 크기 E</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="85"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="86"/>
        <source>attention</source>
        <translation>어텐션</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="87"/>
        <source>feed-forward</source>
        <translation>피드포워드</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="88"/>
        <source>all (ALBERT)</source>
        <translation>전체 (ALBERT)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="90"/>
        <source>Cross-layer sharing</source>
        <translation>층 간 파라미터 공유</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="92"/>
        <source>post (BERT)</source>
        <translation>뒤 (BERT)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="93"/>
        <source>pre + final (GPT-2)</source>
        <translation>앞 + 마지막 (GPT-2)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="95"/>
        <source>LayerNorm</source>
        <translation>LayerNorm 위치</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="97"/>
        <source>GELU (erf)</source>
        <translation>GELU (erf)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="98"/>
        <source>GELU (tanh)</source>
        <translation>GELU (tanh 근사)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="100"/>
        <source>Activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="101"/>
        <source>Hidden dropout</source>
        <translation>은닉 드롭아웃</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="102"/>
        <source>Attention dropout</source>
        <translation>어텐션 드롭아웃</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="103"/>
        <source>Max positions</source>
        <translation>최대 위치 수</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="105"/>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="107"/>
        <source>Steps</source>
        <translation>스텝</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="108"/>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="109"/>
        <source>Sequence length</source>
        <translation>시퀀스 길이</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="110"/>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="111"/>
        <source>Warmup steps</source>
        <translation>워밍업 스텝</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="113"/>
        <source>linear decay</source>
        <translation>선형 감소</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="114"/>
        <source>cosine decay</source>
        <translation>코사인 감소</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="116"/>
        <source>Schedule</source>
        <translation>학습률 스케줄</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="118"/>
        <source>auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="119"/>
        <source>bf16 (autocast)</source>
        <translation>bf16 (autocast)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="120"/>
        <source>fp32</source>
        <translation>fp32</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="122"/>
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="124"/>
        <source>all cores</source>
        <translation>모든 코어</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="125"/>
        <source>Threads</source>
        <translation>스레드</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="126"/>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="127"/>
        <source>Evaluate every</source>
        <translation>평가 간격</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="128"/>
        <source>Checkpoint every</source>
        <translation>체크포인트 간격</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="129"/>
        <source>Mask probability</source>
        <translation>마스킹 확률</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="131"/>
        <source>Probe sentence</source>
        <translation>관찰용 문장</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="133"/>
        <source>bundled Brown corpus</source>
        <translation>내장 Brown 말뭉치</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="134"/>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="138"/>
        <source>Corpus</source>
        <translation>말뭉치</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="140"/>
        <source>More (optimizer, objectives, bookkeeping)</source>
        <translation>더 보기 (옵티마이저, 학습 목표, 기록)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="149"/>
        <source>Weight decay</source>
        <translation>가중치 감쇠</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="150"/>
        <source>Adam β1</source>
        <translation>Adam β1</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="151"/>
        <source>Adam β2</source>
        <translation>Adam β2</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="152"/>
        <source>Adam ε</source>
        <translation>Adam ε</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="153"/>
        <source>Gradient clipping (0: off)</source>
        <translation>기울기 클리핑 (0: 끔)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="154"/>
        <source>Gradient accumulation</source>
        <translation>기울기 누적</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="155"/>
        <source>Embedding dropout</source>
        <translation>임베딩 드롭아웃</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="156"/>
        <source>LayerNorm ε</source>
        <translation>LayerNorm ε</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="157"/>
        <source>Init std</source>
        <translation>초기화 표준편차</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="158"/>
        <source>[MASK] share of selected</source>
        <translation>선택된 토큰 중 [MASK] 비율</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="159"/>
        <source>Random-token share</source>
        <translation>무작위 토큰 비율</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="160"/>
        <source>Max predictions per sequence</source>
        <translation>시퀀스당 최대 예측 수</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="161"/>
        <source>mask whole words</source>
        <translation>단어 전체를 마스킹</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="163"/>
        <source>Whole-word masking</source>
        <translation>단어 단위 마스킹</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="164"/>
        <source>n-gram masking up to n</source>
        <translation>n-gram 마스킹 최대 n</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="165"/>
        <source>fresh masks every epoch</source>
        <translation>에포크마다 새 마스크</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="167"/>
        <source>Dynamic masking</source>
        <translation>동적 마스킹</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="168"/>
        <source>Short-sequence probability</source>
        <translation>짧은 시퀀스 확률</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="169"/>
        <source>Held-out share</source>
        <translation>평가용 문서 비율</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="170"/>
        <source>Eval batches</source>
        <translation>평가 배치 수</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="171"/>
        <source>Log every</source>
        <translation>기록 간격</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="172"/>
        <source>Probe every</source>
        <translation>관찰 간격</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="173"/>
        <source>Keep last checkpoints (0: all)</source>
        <translation>유지할 최근 체크포인트 수 (0: 모두)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="182"/>
        <location filename="../ui/config/ConfigEditor.cpp" line="424"/>
        <source>Start training</source>
        <translation>학습 시작</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="209"/>
        <source>Corpus text file</source>
        <translation>말뭉치 텍스트 파일</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="209"/>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>텍스트 파일 (*.txt);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="382"/>
        <source>Cannot start: %1</source>
        <translation>시작할 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="385"/>
        <source>&lt;i&gt;Fix the model fields to see its parameter count.&lt;/i&gt;</source>
        <translation>&lt;i&gt;모델 항목을 고치면 파라미터 수가 표시됩니다.&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="396"/>
        <source>Embeddings</source>
        <translation>임베딩</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="397"/>
        <source>V×E + E×H = %1×%2 + %2×%3</source>
        <translation>V×E + E×H = %1×%2 + %2×%3</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="398"/>
        <source>V×H = %1×%2</source>
        <translation>V×H = %1×%2</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="401"/>
        <source>Attention</source>
        <translation>어텐션</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="401"/>
        <location filename="../ui/config/ConfigEditor.cpp" line="402"/>
        <source>1 shared block</source>
        <translation>공유 블록 1개</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="401"/>
        <location filename="../ui/config/ConfigEditor.cpp" line="402"/>
        <source>%1 layers</source>
        <translation>%1개 층</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="402"/>
        <source>Feed-forward</source>
        <translation>피드포워드</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="403"/>
        <source>Final LayerNorm</source>
        <translation>마지막 LayerNorm</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="404"/>
        <source>Heads</source>
        <translation>헤드</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="404"/>
        <source>LM head tied to the embeddings</source>
        <translation>임베딩과 묶인 LM 헤드</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="404"/>
        <source>pooler, NSP/SOP, MLM transform</source>
        <translation>풀러, NSP/SOP, MLM 변환</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="405"/>
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="407"/>
        <source>&lt;br&gt;%1 parameters saved versus unshared (%2).</source>
        <translation>&lt;br&gt;공유하지 않을 때(%2)보다 파라미터 %1개를 절약합니다.</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="412"/>
        <source>&lt;br&gt;Memory: weights + gradients + Adam %1; activations for %2 × %3 about %4.</source>
        <translation>&lt;br&gt;메모리: 가중치 + 기울기 + Adam %1, %2 × %3 활성값 약 %4.</translation>
    </message>
    <message>
        <location filename="../ui/config/ConfigEditor.cpp" line="424"/>
        <source>A run is training…</source>
        <translation>학습 중인 실행이 있습니다…</translation>
    </message>
</context>
<context>
    <name>ptl::ui::CurvesPanel</name>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="39"/>
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="40"/>
        <source>tokens seen</source>
        <translation>본 토큰 수</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="41"/>
        <source>wall time (s)</source>
        <translation>경과 시간 (초)</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="42"/>
        <source>relative time (s)</source>
        <translation>상대 시간 (초)</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="48"/>
        <source>Exponential moving average, debiased (as TensorBoard); the raw curve stays faint behind</source>
        <translation>편향 보정 지수 이동 평균 (TensorBoard와 같음). 원래 곡선은 뒤에 흐리게 남습니다</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="50"/>
        <source>log y</source>
        <translation>로그 y</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="51"/>
        <source>Reset view</source>
        <translation>보기 초기화</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="52"/>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="62"/>
        <source>Select runs in the Runs panel (Ctrl-click for several) to see their curves.</source>
        <translation>실행 목록에서 실행을 선택하면 곡선이 보입니다 (여러 개는 Ctrl+클릭).</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="67"/>
        <source>Metric</source>
        <translation>지표</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="69"/>
        <source>x-axis</source>
        <translation>x축</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="71"/>
        <source>Smoothing</source>
        <translation>평활화</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="111"/>
        <location filename="../ui/curves/CurvesPanel.cpp" line="114"/>
        <source>Export curves</source>
        <translation>곡선 내보내기</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="112"/>
        <source>PNG image (*.png);;PDF (*.pdf);;SVG (*.svg);;CSV of what is shown (*.csv)</source>
        <translation>PNG 이미지 (*.png);;PDF (*.pdf);;SVG (*.svg);;보이는 데이터 CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="252"/>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="284"/>
        <source>%1
x = %2
smoothed %3
raw %4</source>
        <translation>%1
x = %2
평활값 %3
원래 값 %4</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="304"/>
        <source>PretrainLab curves</source>
        <translation>PretrainLab 곡선</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="328"/>
        <source>Unknown file type &apos;%1&apos;: use .png, .pdf, .svg or .csv</source>
        <translation>알 수 없는 파일 형식 &apos;%1&apos;: .png, .pdf, .svg, .csv 중 하나를 쓰세요</translation>
    </message>
    <message>
        <location filename="../ui/curves/CurvesPanel.cpp" line="331"/>
        <source>Could not write %1</source>
        <translation>%1에 쓸 수 없습니다</translation>
    </message>
</context>
<context>
    <name>ptl::ui::HeatmapView</name>
    <message>
        <location filename="../ui/attention/AttentionViews.cpp" line="84"/>
        <source>%1 → %2
%3</source>
        <translation>%1 → %2
%3</translation>
    </message>
</context>
<context>
    <name>ptl::ui::InspectPanel</name>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="34"/>
        <source>No model open.</source>
        <translation>열린 모델이 없습니다.</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="35"/>
        <source>Open model…</source>
        <translation>모델 열기…</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="37"/>
        <source>Sentence A — write [MASK] where the model should guess</source>
        <translation>문장 A — 모델이 맞힐 자리에 [MASK]를 쓰세요</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="39"/>
        <source>Sentence B (optional: a pair, segment B)</source>
        <translation>문장 B (선택: 문장 쌍의 세그먼트 B)</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="47"/>
        <source>hide [CLS]/[SEP]</source>
        <translation>[CLS]/[SEP] 숨기기</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="48"/>
        <source>average heads</source>
        <translation>헤드 평균</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="49"/>
        <source>rollout</source>
        <translation>롤아웃</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="50"/>
        <source>Attention rollout (Abnar &amp; Zuidema 2020): attention propagated through the layers up to this one</source>
        <translation>어텐션 롤아웃 (Abnar &amp; Zuidema 2020): 이 층까지 층을 거쳐 전파된 어텐션</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="52"/>
        <source>Export view…</source>
        <translation>보기 내보내기…</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="59"/>
        <source>Head view</source>
        <translation>헤드 보기</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="60"/>
        <source>Model view</source>
        <translation>모델 보기</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="61"/>
        <source>Matrix</source>
        <translation>행렬</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="62"/>
        <source>Neuron view</source>
        <translation>뉴런 보기</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="74"/>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="75"/>
        <source>Pair</source>
        <translation>쌍</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="76"/>
        <source>Tokens</source>
        <translation>토큰</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="78"/>
        <source>Layer</source>
        <translation>층</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="80"/>
        <source>Heads</source>
        <translation>헤드</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="85"/>
        <source>Neuron query</source>
        <translation>뉴런 보기 쿼리</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="94"/>
        <source>follow the newest</source>
        <translation>최신 스냅숏 따라가기</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="96"/>
        <source>Back to typed text</source>
        <translation>입력한 텍스트로 돌아가기</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="109"/>
        <source>&lt;b&gt;Fill-mask&lt;/b&gt; — top predictions at each [MASK]</source>
        <translation>&lt;b&gt;빈칸 채우기&lt;/b&gt; — 각 [MASK] 자리의 상위 예측</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="145"/>
        <source>Open a checkpoint folder (config.json + model.safetensors)</source>
        <translation>체크포인트 폴더 열기 (config.json + model.safetensors)</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="149"/>
        <location filename="../ui/attention/InspectPanel.cpp" line="151"/>
        <source>Export view</source>
        <translation>보기 내보내기</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="149"/>
        <source>PNG image (*.png);;SVG (*.svg)</source>
        <translation>PNG 이미지 (*.png);;SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="154"/>
        <source>&lt;b&gt;Model&lt;/b&gt;: %1 (%2)</source>
        <translation>&lt;b&gt;모델&lt;/b&gt;: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="158"/>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;Cannot open %1: %2&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b00020&apos;&gt;%1을(를) 열 수 없습니다: %2&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="168"/>
        <source>key token</source>
        <translation>키 토큰</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="168"/>
        <source>q · k (sum of products)</source>
        <translation>q · k (곱의 합)</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="168"/>
        <source>score / √d</source>
        <translation>점수 / √d</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="168"/>
        <source>softmax</source>
        <translation>소프트맥스</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="189"/>
        <source>Opening %1…</source>
        <translation>%1 여는 중…</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="228"/>
        <source>all</source>
        <translation>전체</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="229"/>
        <source>head %1</source>
        <translation>헤드 %1</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="246"/>
        <source>position</source>
        <translation>위치</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="247"/>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="258"/>
        <source>[MASK] at %1</source>
        <translation>%1번 자리 [MASK]</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="259"/>
        <source>next token</source>
        <translation>다음 토큰</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="260"/>
        <source>%1 tokens, %2 layers × %3 heads</source>
        <translation>토큰 %1개, %2개 층 × %3개 헤드</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="281"/>
        <source>Rollout through layer %1</source>
        <translation>%1층까지의 롤아웃</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="286"/>
        <source>Layer %1, average of heads</source>
        <translation>%1층, 헤드 평균</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="292"/>
        <source>Layer %1, all heads (matrix: their average)</source>
        <translation>%1층, 모든 헤드 (행렬: 평균)</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="297"/>
        <source>Layer %1, head %2</source>
        <translation>%1층, 헤드 %2</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="336"/>
        <source>Run %1 has no probe snapshots yet</source>
        <translation>실행 %1에는 아직 관찰 스냅숏이 없습니다</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="353"/>
        <location filename="../ui/attention/InspectPanel.cpp" line="366"/>
        <source>Run %1 · snapshot %2 of %3 · step %4</source>
        <translation>실행 %1 · 스냅숏 %3개 중 %2번째 · 스텝 %4</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="408"/>
        <source>Unknown file type &apos;%1&apos;: use .png or .svg</source>
        <translation>알 수 없는 파일 형식 &apos;%1&apos;: .png 또는 .svg를 쓰세요</translation>
    </message>
    <message>
        <location filename="../ui/attention/InspectPanel.cpp" line="411"/>
        <source>Could not write %1</source>
        <translation>%1에 쓸 수 없습니다</translation>
    </message>
</context>
<context>
    <name>ptl::ui::Inspector</name>
    <message>
        <location filename="../ui/worker/Inspector.cpp" line="56"/>
        <source>No model is open.</source>
        <translation>열린 모델이 없습니다.</translation>
    </message>
</context>
<context>
    <name>ptl::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="36"/>
        <source>PretrainLab</source>
        <translation>PretrainLab</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="46"/>
        <source>Training curves</source>
        <translation>학습 곡선</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="47"/>
        <source>Inside the model</source>
        <translation>모델 들여다보기</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="49"/>
        <source>Masking inspector</source>
        <translation>마스킹 들여다보기</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="57"/>
        <source>Runs</source>
        <translation>실행 목록</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="58"/>
        <source>Configuration</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="59"/>
        <source>Log</source>
        <translation>로그</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="68"/>
        <source>Run store: %1</source>
        <translation>실행 저장소: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="74"/>
        <source>Starting %1 (%2, %3 steps)…</source>
        <translation>%1 시작 (%2, %3 스텝)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="79"/>
        <source>Run %1 started; checkpoints in %2</source>
        <translation>실행 %1 시작, 체크포인트 위치: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="87"/>
        <source>Checkpoint at step %1: %2</source>
        <translation>스텝 %1 체크포인트: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="90"/>
        <source>Run %1 %2%3</source>
        <translation>실행 %1 %2%3</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="97"/>
        <source>Training %1</source>
        <translation>학습 %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="102"/>
        <source>Duplicate</source>
        <translation>복제</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="103"/>
        <source>Configuration copied into the editor; change it and press Start.</source>
        <translation>설정을 편집기에 복사했습니다. 고친 뒤 시작을 누르세요.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="106"/>
        <source>Resuming run %1 from its last checkpoint…</source>
        <translation>실행 %1을 마지막 체크포인트부터 이어서 학습합니다…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="147"/>
        <source>&amp;Start training</source>
        <translation>학습 시작(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="149"/>
        <source>Start a run with the configuration on the right (F5)</source>
        <translation>오른쪽 설정으로 실행을 시작합니다 (F5)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="150"/>
        <source>&amp;Pause</source>
        <translation>일시 정지(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="152"/>
        <source>&amp;Resume</source>
        <translation>계속(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="154"/>
        <source>S&amp;top</source>
        <translation>중지(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="156"/>
        <source>Stop within a step, with a final checkpoint: the run can be resumed (Shift+F5)</source>
        <translation>한 스텝 안에 멈추고 마지막 체크포인트를 씁니다. 나중에 이어서 학습할 수 있습니다 (Shift+F5)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="159"/>
        <source>Cannot start</source>
        <translation>시작할 수 없음</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="167"/>
        <source>Stopping after the current step…</source>
        <translation>현재 스텝을 마치고 멈춥니다…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="170"/>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="178"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="179"/>
        <source>&amp;Refresh runs</source>
        <translation>실행 목록 새로 고침(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="182"/>
        <source>&amp;Export curves…</source>
        <translation>곡선 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="185"/>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="188"/>
        <source>Export curves</source>
        <translation>곡선 내보내기</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="186"/>
        <source>PNG image (*.png);;PDF (*.pdf);;SVG (*.svg);;CSV of what is shown (*.csv)</source>
        <translation>PNG 이미지 (*.png);;PDF (*.pdf);;SVG (*.svg);;보이는 데이터 CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="191"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="195"/>
        <source>&amp;Training</source>
        <translation>학습(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="198"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="201"/>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="204"/>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="212"/>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="212"/>
        <source>The language changes when PretrainLab starts next time.</source>
        <translation>PretrainLab을 다음에 시작할 때 언어가 바뀝니다.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="216"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="217"/>
        <source>&amp;About PretrainLab</source>
        <translation>PretrainLab 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="235"/>
        <source>paused</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="241"/>
        <source>run %1 · step %2/%3 · loss %4</source>
        <translation>실행 %1 · 스텝 %2/%3 · 손실 %4</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="242"/>
        <source>%1 tokens/s</source>
        <translation>초당 토큰 %1개</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="244"/>
        <source>ETA %1:%2</source>
        <translation>남은 시간 %1:%2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="245"/>
        <source>%1 · %2 threads</source>
        <translation>%1 · 스레드 %2개</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="268"/>
        <source>Training is running</source>
        <translation>학습이 진행 중입니다</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="269"/>
        <source>Stop the run and close? It stops after the current step with a final checkpoint, and can be resumed later from the Runs panel.</source>
        <translation>실행을 멈추고 닫을까요? 현재 스텝을 마친 뒤 마지막 체크포인트를 쓰고 멈추며, 나중에 실행 목록에서 이어서 학습할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="277"/>
        <source>Stopping the run…</source>
        <translation>실행을 멈추는 중…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="288"/>
        <source>About PretrainLab</source>
        <translation>PretrainLab 정보</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/MainWindow.cpp" line="289"/>
        <source>&lt;h3&gt;PretrainLab %1&lt;/h3&gt;&lt;p&gt;A workbench for seeing inside transformer pre-training: BERT, GPT, ALBERT and ELECTRA on an ordinary CPU.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PretrainLab %1&lt;/h3&gt;&lt;p&gt;트랜스포머 사전 학습의 내부를 들여다보는 작업대: 평범한 CPU에서 BERT, GPT, ALBERT, ELECTRA를 학습합니다.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ptl::ui::MaskingPanel</name>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="46"/>
        <source>whole words</source>
        <translation>단어 단위</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="49"/>
        <source>ALBERT&apos;s n-gram masking: spans of up to n words, p(n) ∝ 1/n</source>
        <translation>ALBERT의 n-gram 마스킹: 최대 n개 단어 구간, p(n) ∝ 1/n</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="53"/>
        <source>Re-roll</source>
        <translation>다시 뽑기</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="54"/>
        <source>follow the training batch</source>
        <translation>학습 배치 따라가기</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="55"/>
        <source>Show the masking decisions of the running job&apos;s current batch instead of the text above</source>
        <translation>위 텍스트 대신 실행 중인 학습의 현재 배치에 대한 마스킹 결정을 보여 줍니다</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="68"/>
        <source>Mask rate</source>
        <translation>마스킹 비율</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="70"/>
        <source>[MASK]</source>
        <translation>[MASK]</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="72"/>
        <source>random</source>
        <translation>무작위</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="75"/>
        <source>n-gram ≤</source>
        <translation>n-gram ≤</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="77"/>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="82"/>
        <source>&lt;span style=&apos;background:#9ec5fe&apos;&gt;&amp;nbsp;→ [MASK]&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:#ffc07a&apos;&gt;&amp;nbsp;→ random token&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:#a8e6a1&apos;&gt;&amp;nbsp;kept&amp;nbsp;&lt;/span&gt; not selected</source>
        <translation>&lt;span style=&apos;background:#9ec5fe&apos;&gt;&amp;nbsp;→ [MASK]&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:#ffc07a&apos;&gt;&amp;nbsp;→ 무작위 토큰&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:#a8e6a1&apos;&gt;&amp;nbsp;그대로 둠&amp;nbsp;&lt;/span&gt; 선택되지 않음</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="155"/>
        <source>Training batch of run %1 at step %2 (its first sequence), with the predictions of the model being trained.</source>
        <translation>실행 %1의 스텝 %2 학습 배치 (첫 시퀀스)와 학습 중인 모델의 예측.</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="169"/>
        <source>Your text, masked with the seed above; predictions from the opened model.</source>
        <translation>입력한 텍스트를 위 시드로 마스킹했습니다. 예측은 열린 모델에서 나옵니다.</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="202"/>
        <source>Selected %1 of %2 candidates (expected %3): [MASK] %4 (expected %5), random %6 (expected %7), kept %8 (expected %9); mean loss at the selected positions %10</source>
        <translation>후보 %2개 중 %1개 선택 (기댓값 %3): [MASK] %4 (기댓값 %5), 무작위 %6 (기댓값 %7), 그대로 %8 (기댓값 %9). 선택 위치의 평균 손실 %10</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="216"/>
        <source>position</source>
        <translation>위치</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="216"/>
        <source>original</source>
        <translation>원래 토큰</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="216"/>
        <source>model sees</source>
        <translation>모델 입력</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="216"/>
        <source>decision</source>
        <translation>결정</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="216"/>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="216"/>
        <source>model&apos;s top-5</source>
        <translation>모델의 상위 5개</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="222"/>
        <source>→ [MASK]</source>
        <translation>→ [MASK]</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="222"/>
        <source>→ random</source>
        <translation>→ 무작위</translation>
    </message>
    <message>
        <location filename="../ui/masking/MaskingPanel.cpp" line="222"/>
        <source>kept</source>
        <translation>그대로 둠</translation>
    </message>
</context>
<context>
    <name>ptl::ui::ModelView</name>
    <message>
        <location filename="../ui/attention/AttentionViews.cpp" line="223"/>
        <source>L%1</source>
        <translation>L%1</translation>
    </message>
    <message>
        <location filename="../ui/attention/AttentionViews.cpp" line="227"/>
        <source>H%1</source>
        <translation>H%1</translation>
    </message>
</context>
<context>
    <name>ptl::ui::RunsModel</name>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="43"/>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="44"/>
        <source>paused</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="45"/>
        <source>completed</source>
        <translation>완료</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="46"/>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="47"/>
        <source>interrupted</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="48"/>
        <source>diverged</source>
        <translation>발산</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="49"/>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="68"/>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="69"/>
        <source>%1 min %2 s</source>
        <translation>%1분 %2초</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="70"/>
        <source>%1 h %2 min</source>
        <translation>%1시간 %2분</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="123"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="124"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="125"/>
        <source>Model · objective</source>
        <translation>모델 · 학습 목표</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="128"/>
        <source>Last eval loss</source>
        <translation>최근 평가 손실</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="129"/>
        <source>Best eval loss</source>
        <translation>최저 평가 손실</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="130"/>
        <source>Created (UTC)</source>
        <translation>생성 시각 (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="131"/>
        <source>Training time</source>
        <translation>학습 시간</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="126"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsModel.cpp" line="127"/>
        <source>Steps</source>
        <translation>스텝</translation>
    </message>
</context>
<context>
    <name>ptl::ui::RunsPanel</name>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="58"/>
        <source>Filter runs…</source>
        <translation>실행 거르기…</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="61"/>
        <source>All statuses</source>
        <translation>모든 상태</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="94"/>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="99"/>
        <source>Rename</source>
        <translation>이름 바꾸기</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="122"/>
        <source>Cannot read the run store: %1</source>
        <translation>실행 저장소를 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="124"/>
        <source>No runs yet. Pick a preset in Configuration and press Start.</source>
        <translation>아직 실행이 없습니다. 설정에서 프리셋을 고르고 시작을 누르세요.</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="126"/>
        <source>Runs in the store: %1</source>
        <translation>저장소의 실행 수: %1</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="153"/>
        <source>Rename…</source>
        <translation>이름 바꾸기…</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="154"/>
        <source>Duplicate as new configuration</source>
        <translation>새 설정으로 복제</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="159"/>
        <source>Duplicate</source>
        <translation>복제</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="162"/>
        <source>Watch its attention history</source>
        <translation>어텐션 변화 살펴보기</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="163"/>
        <source>Inspect the last checkpoint</source>
        <translation>마지막 체크포인트 들여다보기</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="166"/>
        <location filename="../ui/runs/RunsPanel.cpp" line="169"/>
        <source>Inspect</source>
        <translation>들여다보기</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="166"/>
        <source>This run has no checkpoint yet.</source>
        <translation>이 실행에는 아직 체크포인트가 없습니다.</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="173"/>
        <source>Resume from the last checkpoint</source>
        <translation>마지막 체크포인트부터 이어서 학습</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="175"/>
        <source>Compare %1 runs</source>
        <translation>실행 %1개 비교</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="177"/>
        <source>Delete with checkpoints…</source>
        <translation>체크포인트와 함께 삭제…</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="187"/>
        <location filename="../ui/runs/RunsPanel.cpp" line="193"/>
        <source>Rename run</source>
        <translation>실행 이름 바꾸기</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="187"/>
        <source>New name:</source>
        <translation>새 이름:</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="202"/>
        <location filename="../ui/runs/RunsPanel.cpp" line="214"/>
        <source>Delete runs</source>
        <translation>실행 삭제</translation>
    </message>
    <message>
        <location filename="../ui/runs/RunsPanel.cpp" line="203"/>
        <source>Delete %1 run(s) with their metrics, snapshots and checkpoint folders? This cannot be undone.</source>
        <translation>실행 %1개를 지표, 스냅숏, 체크포인트 폴더와 함께 삭제할까요? 되돌릴 수 없습니다.</translation>
    </message>
</context>
</TS>
